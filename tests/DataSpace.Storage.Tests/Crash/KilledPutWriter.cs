using System.Runtime.CompilerServices;
using DataSpace.Storage.Azure;
using DataSpace.Storage.FileSystem;
using DataSpace.Testing;

namespace DataSpace.Storage.Tests.Crash;

/// <summary>
/// The half of the kill test that dies. When this test executable is launched with
/// <see cref="StoreVariable"/> set (<c>fs:&lt;root&gt;</c> or <c>azure:&lt;container&gt;</c>), it never reaches
/// the test runner: it puts its standard input under <see cref="Key"/> and is killed while the put still
/// waits for more input.
/// </summary>
internal static class KilledPutWriter
{
    public const string StoreVariable = "DATASPACE_STORAGE_KILLED_PUT_STORE";
    public const string Key = "88.608.8889/PRD-0001";

#pragma warning disable CA2255 // The test executable doubles as the writer; this is the only way in before the test runner's Main.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunIfRequested()
    {
        var store = Environment.GetEnvironmentVariable(StoreVariable);
        if (string.IsNullOrEmpty(store))
        {
            return;
        }
        // Only this thread may touch types of this module while its initializer runs: the put below
        // runs on other threads, in DataSpace.Storage and the BCL only.
        IBlobStore target = store.StartsWith("fs:", StringComparison.Ordinal)
            ? new FileSystemBlobStore(store[3..])
            : new AzureBlobStore(Azurite.ConnectionString, store[6..]);
        var metadata = new Dictionary<string, string> { ["label"] = new string('L', 20_000) };
        target.PutAsync(Key, Console.OpenStandardInput(), metadata).GetAwaiter().GetResult();
        Environment.Exit(3); // never reached: the parent kills this process mid-put
    }
}
