using BenchmarkDotNet.Attributes;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Verification;

namespace DataSpace.Benchmarks.Ledger;

/// <summary>
/// Audit replay, entries per second (1 / mean × entries): a synthetic ledger of two-party entries
/// read, decoded, signature-checked, re-hashed and checkpoint-checked from disk, on one core and
/// on all cores. Compare the one-core rate with half the raw Ed25519-verify rate.
/// </summary>
public class LedgerAuditBenchmarks
{
    private static readonly ulong Entries = LedgerBenchSize.AuditEntries;
    private string _directory = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"dataspace-bench-audit-{Entries}-{Guid.NewGuid():N}");
        SyntheticLedger.GenerateAsync(_directory, new SyntheticLedgerOptions { Entries = Entries, Parties = 20, CheckpointInterval = 1000, Seed = 1 })
            .GetAwaiter().GetResult();
    }

    [Benchmark(Description = "audit replay, 1 core", OperationsPerInvoke = 1)]
    public async Task<bool> AuditOneCore() => (await LedgerAuditor.AuditAsync(_directory, new LedgerAuditOptions { MaxDegreeOfParallelism = 1 })).IsValid;

    [Benchmark(Description = "audit replay, all cores", OperationsPerInvoke = 1)]
    public async Task<bool> AuditAllCores() => (await LedgerAuditor.AuditAsync(_directory)).IsValid;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);
}
