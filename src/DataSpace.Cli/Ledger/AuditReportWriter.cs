using System.Globalization;
using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;
using DataSpace.Crypto.Json;
using DataSpace.Ledger.Verification;
using Spectre.Console;

namespace DataSpace.Cli.Ledger;

/// <summary>Prints an audit report: a Spectre table on a terminal, plain lines otherwise, or JSON.</summary>
internal static class AuditReportWriter
{
    private const int MaxListed = 100;

    public static void Summary(CliConsole console, string path, AuditReport report, AuditRules rules)
    {
        var rows = new (string Name, string Value)[]
        {
            ("ledger", path),
            ("origin", report.Origin ?? "(unknown)"),
            ("entries", report.Entries.ToString(CultureInfo.InvariantCulture)),
            ("parties", report.Participants.ToString(CultureInfo.InvariantCulture)),
            ("operator", rules.OperatorId.Length > 0 ? rules.OperatorId : "(unknown)"),
            ("decisions", $"{rules.Decisions.Replayed} re-evaluated under {rules.Decisions.Bundles} recorded policy bundle(s)"),
            ("checkpoints", $"{report.Checkpoints} (latest size {report.LatestCheckpointSize?.ToString(CultureInfo.InvariantCulture) ?? "none"})"),
            ("uncovered", $"{report.UncoveredEntries} entries after the latest checkpoint"),
            ("root", Convert.ToBase64String(report.RootHash)),
            ("violations", report.Violations.Count.ToString(CultureInfo.InvariantCulture)),
            ("time", $"{report.Elapsed.TotalSeconds:F2} s ({Rate(report)} entries/s)"),
        };
        var listed = report.Violations.Take(MaxListed).ToList();
        if (console.IsInteractive)
        {
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });
            var table = new Table().AddColumns("", "").HideHeaders();
            foreach (var (name, value) in rows)
            {
                table.AddRow(new Text(name), new Text(value));
            }
            terminal.Write(table);
            if (listed.Count > 0)
            {
                var violations = new Table().AddColumns("where", "kind", "reason");
                foreach (var v in listed)
                {
                    violations.AddRow(new Text(Where(v)), new Text(Kind(v)), new Text(v.Reason));
                }
                terminal.Write(violations);
            }
        }
        else
        {
            foreach (var (name, value) in rows)
            {
                console.Out.WriteLine($"{name,-12}{value}");
            }
            foreach (var v in listed)
            {
                console.Out.WriteLine($"violation   {Where(v)}: {Kind(v)}: {v.Reason}");
            }
        }
        if (report.Violations.Count > listed.Count)
        {
            console.Out.WriteLine($"… and {report.Violations.Count - listed.Count} more violations; use --json for all of them.");
        }
        console.Out.WriteLine(report.IsValid ? "verified: every entry, record, checkpoint, invariant and decision checks out." : "NOT VERIFIED");
    }

    public static string Json(string path, AuditReport report, AuditRules rules)
    {
        var violations = new JsonArray();
        foreach (var v in report.Violations)
        {
            violations.Add(new JsonObject
            {
                ["kind"] = v.Kind.ToString(),
                ["fault"] = v.Fault?.ToString(),
                ["rule"] = v.Rule,
                ["entryType"] = v.EntryType,
                ["index"] = v.Index,
                ["endIndex"] = v.EndIndex,
                ["checkpointSize"] = v.CheckpointSize,
                ["location"] = v.Location,
                ["reason"] = v.Reason,
            });
        }
        var node = new JsonObject
        {
            ["ledger"] = path,
            ["valid"] = report.IsValid,
            ["origin"] = report.Origin,
            ["logKey"] = report.LogKey,
            ["entries"] = report.Entries,
            ["parties"] = report.Participants,
            ["operator"] = rules.OperatorId.Length > 0 ? rules.OperatorId : null,
            ["decisionsReplayed"] = rules.Decisions.Replayed,
            ["checkpoints"] = report.Checkpoints,
            ["latestCheckpointSize"] = report.LatestCheckpointSize,
            ["uncoveredEntries"] = report.UncoveredEntries,
            ["rootHash"] = Convert.ToBase64String(report.RootHash),
            ["elapsedSeconds"] = Math.Round(report.Elapsed.TotalSeconds, 3),
            ["violations"] = violations,
        };
        return node.ToJsonString(JsonFormatting.Indented) + "\n";
    }

    private static string Where(LedgerViolation v) => v.EntryType is { } type ? $"{v.Location} ({type})" : v.Location;

    private static string Kind(LedgerViolation v) => (v.Fault, v.Rule) switch
    {
        ({ } fault, _) => $"{v.Kind} ({fault})",
        (_, { } rule) => $"{v.Kind} (rule {rule})",
        _ => v.Kind.ToString(),
    };

    private static string Rate(AuditReport report) =>
        report.Elapsed.TotalSeconds > 0 ? (report.Entries / report.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture) : "-";
}
