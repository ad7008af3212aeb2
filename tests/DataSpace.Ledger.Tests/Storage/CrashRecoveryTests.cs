using System.Diagnostics;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;
using DataSpace.Ledger.Tests.Merkle;

namespace DataSpace.Ledger.Tests.Storage;

/// <summary>
/// Kills a real writer process with SIGKILL in the middle of concurrent appends, three times in a
/// row on the same directory, and checks after each reopen that every acknowledged entry is
/// there at its acknowledged index, that nothing else is (any extra tail entry is one the writer
/// had submitted, whole), and that every tree head the writer published is consistent with the
/// recovered tree.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sigkill_DuringConcurrentAppends_ReopenHoldsExactlyAcknowledgedEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        var acknowledged = new Dictionary<ulong, string>();
        for (var run = 0; run < 3; run++)
        {
            // Step 1: run a writer until it has acknowledged a few hundred appends, then SIGKILL it.
            var (acks, heads) = await RunWriterUntilKilledAsync(run, minAcks: 300 + (run * 150), ct);
            foreach (var (index, leaf) in acks)
            {
                Assert.True(acknowledged.TryAdd(index, leaf), $"index {index} acknowledged twice");
            }

            // Step 2: reopen and compare with what was acknowledged.
            await using var store = FileLedgerStore.Open(_dir.Path);
            Assert.True(store.Size >= (ulong)acknowledged.Count, $"size {store.Size} < {acknowledged.Count} acknowledged");
            Assert.True(store.Size <= acknowledged.Keys.Max() + 1 + 4096, "more unacknowledged entries than one batch");
            var leaves = new List<string>();
            var hashes = new List<byte[]>();
            for (ulong i = 0; i < store.Size; i++)
            {
                var bytes = await store.ReadLeafAsync(i, ct);
                leaves.Add(System.Text.Encoding.UTF8.GetString(bytes));
                hashes.Add(MerkleHash.HashLeaf(bytes));
            }
            foreach (var (index, leaf) in acknowledged)
            {
                Assert.Equal(leaf, leaves[(int)index]);
            }
            Assert.All(leaves, l => Assert.Matches(@"^run\d-entry\d+$", l));
            Assert.Equal(leaves.Count, leaves.Distinct().Count());

            // Step 3: the recovered tree is the tree of its leaves, and extends every published head.
            var root = MerkleTree.RootHash(store.Size, store.Hashes);
            Assert.Equal(TestTree.ReferenceRoot(hashes, 0, hashes.Count), root);
            foreach (var (size, headRoot) in heads.Where(h => h.Size > 0))
            {
                var verdict = MerkleVerifier.VerifyConsistency(size, store.Size, MerkleTree.ConsistencyProof(size, store.Size, store.Hashes), headRoot, root);
                Assert.True(verdict.IsValid, $"head {size}: {verdict.Reason}");
            }

            // Unacknowledged survivors are now part of the log; count them so later runs check them too.
            for (var i = 0; i < leaves.Count; i++)
            {
                acknowledged.TryAdd((ulong)i, leaves[i]);
            }
        }
    }

    private async Task<(List<(ulong Index, string Leaf)> Acks, List<(ulong Size, byte[] Root)> Heads)> RunWriterUntilKilledAsync(int run, int minAcks, CancellationToken ct)
    {
        var start = WriterStartInfo();
        start.Environment[CrashWriter.DirectoryVariable] = _dir.Path;
        start.Environment[CrashWriter.RunVariable] = run.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.Start();
        var reading = Task.Run(async () =>
        {
            // Read until EOF: after the kill this drains whatever the writer had already printed.
            var acks = 0;
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("ack ", StringComparison.Ordinal) && ++acks >= minAcks)
                {
                    enough.TrySetResult();
                }
            }
            enough.TrySetResult();
        }, ct);
        try
        {
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.False(process.HasExited, "the writer exited before it was killed");
        }
        finally
        {
            process.Kill(entireProcessTree: false); // SIGKILL on Unix: no finalizers, no flush, no cleanup.
            await process.WaitForExitAsync(CancellationToken.None);
        }
        await reading;

        var acks = new List<(ulong, string)>();
        var heads = new List<(ulong, byte[])>();
        foreach (var parts in lines.Select(l => l.Split(' ')).Where(p => p.Length == 4 && p[3] == "."))
        {
            if (parts[0] == "ack")
            {
                acks.Add((ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2]));
            }
            else if (parts[0] == "head")
            {
                heads.Add((ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Convert.FromBase64String(parts[2])));
            }
        }
        Assert.True(acks.Count >= minAcks);
        return (acks, heads);
    }

    private static ProcessStartInfo WriterStartInfo()
    {
        // Re-launch this very test executable; its module initializer turns it into the writer.
        var host = Environment.ProcessPath!;
        var assembly = typeof(CrashWriter).Assembly.Location;
        var start = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo(host) { ArgumentList = { "exec", assembly } }
            : new ProcessStartInfo(host);
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        return start;
    }
}
