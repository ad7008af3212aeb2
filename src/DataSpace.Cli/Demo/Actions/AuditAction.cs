using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// The auditor verifies the broker's ledger offline, as <c>dataspace audit DIR/ledger</c> does. First
/// the ledger is sealed: a checkpoint of the whole log, and every service stopped.
/// </summary>
internal sealed class AuditAction(Expectation expected) : DemoAction(null, expected)
{
    public override string Actor(Story story) => "auditor";

    public override string Describe(Story story) => $"dataspace audit {story.Workspace.Ledger}";

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        var ledger = await story.SealLedgerAsync(cancellationToken);
        var (report, rules) = await LedgerAudit.RunAsync(ledger, cancellationToken);
        return report.IsValid
            ? Outcome.Allow(LedgerAudit.Verified(report, rules))
            : Outcome.Deny($"NOT VERIFIED, {report.Violations.Count} violation(s): {LedgerAudit.Violations(report)}");
    }
}
