using DataSpace.Ledger.Tests.Storage;
using DataSpace.Ledger.Verification;

namespace DataSpace.Ledger.Tests.Verification;

/// <summary>
/// 1,000 randomized tamperings of a signed ledger (seeded: a failure names its case, and the same
/// seed replays it), each audited from scratch. Every one must be detected and located: some
/// violation covers the first altered entry (or names the forged checkpoint's size), and no
/// violation blames an entry before it.
/// </summary>
public sealed class TamperDetectionTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private const int Seed = 20_251_101;
    private const int Cases = 1000;

    [Fact]
    public async Task Audit_ThousandRandomTamperings_EveryOneDetectedAtTheRightPlace()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var kinds = new Dictionary<string, int>();
        for (var n = 0; n < Cases; n++)
        {
            using var copy = new TempDirectory();
            var ledger = fixture.Copy(copy.Path);
            var kind = Tampering.Kinds[random.Next(Tampering.Kinds.Length)];
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var tampering = Tampering.Apply(kind, ledger, random, fixture.Keys.Log);

            var report = await LedgerAuditor.AuditAsync(ledger, new LedgerAuditOptions { MaxDegreeOfParallelism = 2 }, cancellationToken: TestContext.Current.CancellationToken);

            if (Misplaced(report, tampering) is { } why)
            {
                failures.Add($"case {n} (seed {Seed}) {tampering.Description}: {why}; found: {string.Join(" | ", report.Violations)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} tamperings missed or misplaced:\n{string.Join('\n', failures.Take(20))}");
        Assert.All(Tampering.Kinds, k => Assert.True(kinds.GetValueOrDefault(k) > 50, $"kind {k} ran only {kinds.GetValueOrDefault(k)} times"));
    }

    [Fact]
    public async Task Audit_Pristine_NoViolations()
    {
        var report = await LedgerAuditor.AuditAsync(fixture.Pristine, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.IsValid, string.Join('\n', report.Violations));
        Assert.Equal((ulong)LedgerFixture.Entries, report.Entries);
        Assert.Equal(6, report.Participants);
        Assert.Equal(12, report.Checkpoints);
        Assert.Equal(0UL, report.UncoveredEntries);
    }

    private static string? Misplaced(AuditReport report, Tampering tampering)
    {
        if (report.IsValid)
        {
            return "not detected";
        }
        if (tampering.CheckpointSize is { } size)
        {
            return report.Violations.Any(v => v.CheckpointSize == size && v.Kind is ViolationKind.SplitView or ViolationKind.CheckpointSignature)
                ? null : $"no split-view or signature violation at checkpoint {size}";
        }
        var index = tampering.Index!.Value;
        if (!report.Violations.Any(v => v.Covers(index)))
        {
            return $"no violation covers entry {index}";
        }
        return report.Violations.FirstOrDefault(v => v.Index is { } first && (v.EndIndex ?? first) < index) is { } early
            ? $"blames {early.Location}, before entry {index}"
            : null;
    }
}
