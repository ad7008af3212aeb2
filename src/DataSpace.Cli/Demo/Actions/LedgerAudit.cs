using System.Globalization;
using DataSpace.Cli.Ledger;
using DataSpace.Ledger.Verification;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>Runs exactly what <c>dataspace audit DIR</c> runs (<see cref="AuditCommand"/>): the log's checks, the space's invariants and every recorded decision re-evaluated.</summary>
internal static class LedgerAudit
{
    public static async Task<(AuditReport Report, AuditRules Rules)> RunAsync(string directory, CancellationToken cancellationToken)
    {
        var rules = AuditRules.For(directory, trustedOperator: null);
        var report = await LedgerAuditor.AuditAsync(directory, new LedgerAuditOptions { Rules = rules.Factories }, cancellationToken: cancellationToken);
        return (report, rules);
    }

    /// <summary>The verdict of a clean audit, in one sentence.</summary>
    public static string Verified(AuditReport report, AuditRules rules) =>
        $"verified: {report.Entries} entries of {report.Participants} participants, signatures, Merkle tree and " +
        $"{report.Checkpoints} checkpoint(s) (latest size {report.LatestCheckpointSize?.ToString(CultureInfo.InvariantCulture) ?? "none"}), " +
        $"the space's invariants, and {rules.Decisions.Replayed} policy decisions re-evaluated under {rules.Decisions.Bundles} recorded bundle(s)";

    /// <summary>The first violations, in words.</summary>
    public static string Violations(AuditReport report, int most = 3) =>
        string.Join("; ", report.Violations.Take(most).Select(v => v.ToString()))
        + (report.Violations.Count > most ? $"; and {report.Violations.Count - most} more" : "");
}
