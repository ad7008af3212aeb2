using System.Text.RegularExpressions;

namespace DataSpace.EndToEnd.Tests.Demo;

/// <summary>
/// Reads what <c>dataspace demo</c> printed when its output is not a terminal (the plain writer):
/// the header facts (<c>  name  value</c>), <c>Step N. title</c>, then per row
/// <c>  LABEL  who: what</c>, the reason indented below, and a <c>MISMATCH:</c> line when the demo
/// itself saw a wrong outcome.
/// </summary>
internal sealed partial class DemoTranscript
{
    private DemoTranscript(IReadOnlyList<DemoRow> rows, IReadOnlyDictionary<string, string> facts)
    {
        Rows = rows;
        Facts = facts;
    }

    public IReadOnlyList<DemoRow> Rows { get; }

    /// <summary>The header: scenario, storage, services, workspace.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    public static DemoTranscript Parse(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var rows = new List<DemoRow>();
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        var step = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (step == 0 && Fact().Match(lines[i]) is { Success: true } fact)
            {
                facts[fact.Groups[1].Value] = fact.Groups[2].Value;
            }
            else if (StepTitle().Match(lines[i]) is { Success: true } title)
            {
                step = int.Parse(title.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (step > 0 && RowLine().Match(lines[i]) is { Success: true } row)
            {
                var reason = i + 1 < lines.Count ? lines[i + 1].Trim() : "";
                var mismatch = i + 2 < lines.Count && lines[i + 2].TrimStart().StartsWith("MISMATCH: ", StringComparison.Ordinal)
                    ? lines[i + 2].TrimStart()["MISMATCH: ".Length..]
                    : null;
                rows.Add(new DemoRow(step, rows.Count(r => r.Step == step) + 1, row.Groups[1].Value, row.Groups[2].Value, row.Groups[3].Value, reason, mismatch));
            }
        }
        return new DemoTranscript(rows, facts);
    }

    /// <summary>The row, or null when the demo printed none there.</summary>
    public DemoRow? Row(int step, int row) => Rows.FirstOrDefault(r => r.Step == step && r.Row == row);

    [GeneratedRegex(@"^  (\w+) +(.+)$")]
    private static partial Regex Fact();

    [GeneratedRegex(@"^Step (\d+)\. ")]
    private static partial Regex StepTitle();

    [GeneratedRegex(@"^  (ALLOW|DENY|ERROR) +(.+?): (.*)$")]
    private static partial Regex RowLine();
}
