using System.Runtime.CompilerServices;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Tests.Storage;

/// <summary>
/// The writer half of the crash test. When this test executable is launched with
/// <see cref="DirectoryVariable"/> set, it never reaches the test runner: it opens the ledger
/// there and keeps 16 appends in flight until it is killed, printing
/// <c>ack &lt;index&gt; &lt;leaf&gt; .</c> after each acknowledged append and
/// <c>head &lt;size&gt; &lt;base64 root&gt; .</c> after each round. Each line is one
/// small write to a pipe, so it arrives whole or not at all; the trailing dot marks a whole line.
/// </summary>
internal static class CrashWriter
{
    public const string DirectoryVariable = "DATASPACE_LEDGER_CRASH_WRITER_DIR";
    public const string RunVariable = "DATASPACE_LEDGER_CRASH_WRITER_RUN";

#pragma warning disable CA2255 // The test executable doubles as the crash writer; this is the only way in before the test runner's Main.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunIfRequested()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }
        Run(directory, Environment.GetEnvironmentVariable(RunVariable) ?? "0");
        Environment.Exit(0);
    }

    private static void Run(string directory, string run)
    {
        // Everything runs on this thread: while a module initializer runs, any other thread that
        // touched a type of this module would block on it. Concurrency comes from keeping 16
        // appends in flight at once, which the store coalesces into group commits.
        var store = FileLedgerStore.Open(directory);
        var output = Console.Out;
        var counter = 0;
        while (true)
        {
            var leaves = Enumerable.Range(0, 16).Select(_ => $"run{run}-entry{++counter}").ToArray();
            var appends = leaves.Select(l => store.AppendAsync(System.Text.Encoding.UTF8.GetBytes(l)).AsTask()).ToArray();
            var indexes = Task.WhenAll(appends).GetAwaiter().GetResult();
            for (var i = 0; i < leaves.Length; i++)
            {
                output.Write($"ack {indexes[i]} {leaves[i]} .\n");
            }
            var size = store.Size;
            output.Write($"head {size} {Convert.ToBase64String(MerkleTree.RootHash(size, store.Hashes))} .\n");
        }
    }
}
