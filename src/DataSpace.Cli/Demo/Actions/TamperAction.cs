using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// Someone alters a recorded agreement in a copy of the ledger (<c>ledger-tampered/</c> in the
/// workspace) and the auditor audits the copy. Denied means the audit failed and named exactly that
/// entry; an audit that passes, or fails elsewhere only, did not pinpoint it.
/// </summary>
/// <param name="entry">The agreement (a negotiation's <c>"as"</c>) whose entry is altered.</param>
/// <param name="find">The text to change in the entry.</param>
/// <param name="replace">Its replacement, of the same length.</param>
/// <param name="expected">The outcome scenario.json states.</param>
internal sealed class TamperAction(string entry, string? find, string? replace, Expectation expected) : DemoAction(null, expected)
{
    public override string Actor(Story story) => "auditor";

    public override string Describe(Story story)
    {
        var where = story.Agreements.TryGetValue(entry, out var agreed) ? $"entry {agreed.LedgerIndex} (agreement {entry})" : $"agreement {entry}";
        var change = find is not null ? $"change {find} to {replace} in {where}" : $"flip a bit in {where}";
        return $"{change} of a copy of the ledger; dataspace audit {Path.Combine(story.Workspace.Root, "ledger-tampered")}";
    }

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        if (!story.Agreements.TryGetValue(entry, out var agreed))
        {
            return Outcome.Error($"there is no agreement {entry} to alter: its negotiation did not finalize");
        }
        var ledger = await story.SealLedgerAsync(cancellationToken);
        var copy = Path.Combine(story.Workspace.Root, "ledger-tampered");
        var change = await LedgerTamper.CopyAndAlterAsync(ledger, copy, agreed.LedgerIndex, find, replace, cancellationToken);
        var (report, _) = await LedgerAudit.RunAsync(copy, cancellationToken);
        if (report.IsValid)
        {
            return Outcome.Allow($"the copy ({change}) verifies: the alteration went unnoticed");
        }
        var first = report.Violations.Where(v => v.Index is not null && v.EndIndex is null).Select(v => v.Index!.Value).DefaultIfEmpty(ulong.MaxValue).Min();
        if (first != agreed.LedgerIndex)
        {
            return Outcome.Error($"the audit failed ({change}) but does not name entry {agreed.LedgerIndex} first: {LedgerAudit.Violations(report)}");
        }
        var named = report.Violations.Where(v => v.Index == agreed.LedgerIndex && v.EndIndex is null).ToList();
        var others = report.Violations.Except(named).ToList();
        var rest = others.Count == 0 ? "" : $"; and {others.Count} more that follow from it ({string.Join(", ", others.Select(v => v.Kind).Distinct())})";
        return Outcome.Deny($"NOT VERIFIED ({change}): the audit names entry {agreed.LedgerIndex}: {string.Join("; ", named.Select(v => v.ToString()))}{rest}");
    }
}
