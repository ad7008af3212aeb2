using System.Globalization;

namespace DataSpace.Benchmarks.Ledger;

/// <summary>
/// Sizes of the ledger suites, overridable for a quick smoke run (BenchmarkDotNet children inherit
/// the environment): LEDGER_BENCH_ENTRIES (audited ledger, default 20,000) and LEDGER_BENCH_TREE
/// (tree for proofs, default 1,000,000).
/// </summary>
internal static class LedgerBenchSize
{
    public static ulong AuditEntries => Read("LEDGER_BENCH_ENTRIES", 20_000);

    public static ulong TreeSize => Read("LEDGER_BENCH_TREE", 1_000_000);

    private static ulong Read(string name, ulong fallback) =>
        ulong.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
