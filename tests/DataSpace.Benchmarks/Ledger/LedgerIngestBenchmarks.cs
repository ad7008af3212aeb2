using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;

namespace DataSpace.Benchmarks.Ledger;

/// <summary>
/// Durable appends per second into a file-backed <see cref="LedgerLog"/>, each entry carrying two
/// party signatures that the log verifies at ingest (1 / mean × 1,024 entries per batch). Each
/// iteration appends fresh entries, signed outside the measured time.
/// </summary>
public class LedgerIngestBenchmarks
{
    private const int Batch = 1024;
    private readonly Ed25519Signer _log = Ed25519Signer.Generate("bench.example/ledger");
    private readonly Ed25519Signer _operator = Ed25519Signer.Generate("88.100.1");
    private readonly Ed25519Signer[] _parties = [Ed25519Signer.Generate("88.608.1000"), Ed25519Signer.Generate("88.608.1001"), Ed25519Signer.Generate("88.608.1002")];
    private string _directory = "";
    private LedgerLog _ledger = null!;
    private LedgerEntry[] _next = [];
    private int _serial;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("dataspace-bench-ingest-").FullName;
        _ledger = LedgerLog.OpenDirectoryAsync(_directory, new LedgerLogOptions { LogKey = _log, Operator = _operator.PublicKey, CheckpointInterval = 1000 }).GetAwaiter().GetResult();
        var registrations = new List<LedgerEntry> { Register(_operator, _operator) };
        registrations.AddRange(_parties.Select(p => Register(p, p, _operator)));
        _ledger.AppendBatchAsync(registrations).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void SignNextBatch()
    {
        _next = new LedgerEntry[Batch];
        Parallel.For(0, Batch, i =>
        {
            var serial = Interlocked.Increment(ref _serial);
            var (a, b) = (_parties[serial % 3], _parties[(serial + 1) % 3]);
            _next[i] = LedgerEntry.Create("contract.agreed", new JsonObject
            {
                ["agreementId"] = $"agr-{serial:D10}",
                ["asset"] = $"{a.Name}/PRD-{serial % 1000:D4}",
                ["consumer"] = b.Name,
                ["maxUses"] = serial % 9,
                ["notAfter"] = "2027-01-01T00:00:00Z",
                ["provider"] = a.Name,
                ["purpose"] = "quality-analysis",
            }, [a, b]);
        });
    }

    [Benchmark(Description = "durable append, 2 signatures verified (batch of 1024)", OperationsPerInvoke = Batch)]
    public async Task<int> AppendBatch() => (await _ledger.AppendBatchAsync(_next)).Count(r => r.IsAccepted);

    [GlobalCleanup]
    public void Cleanup()
    {
        _ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
        foreach (var key in _parties.Append(_log).Append(_operator))
        {
            key.Dispose();
        }
    }

    private static LedgerEntry Register(Ed25519Signer participant, params Ed25519Signer[] signers) =>
        LedgerEntry.Create(ParticipantRegistration.EntryType, new ParticipantRegistration(participant.Name, participant.PublicKey,
            "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq", new JsonObject { ["country"] = "CN" }).ToBody(), signers);
}
