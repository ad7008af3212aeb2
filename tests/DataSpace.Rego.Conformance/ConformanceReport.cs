using System.Globalization;
using System.Text;

namespace DataSpace.Rego.Conformance;

/// <summary>Per-directory and per-tier tallies, as plain text for the test log and Markdown for <c>docs/conformance.md</c>.</summary>
internal sealed class ConformanceReport(IReadOnlyList<(ConformanceCase Case, string? Failure)> results, IReadOnlyDictionary<string, int> tiers)
{
    private int Tier(string dir) => tiers.TryGetValue(dir, out var t) ? t : 3;

    private static string Pct(int passed, int total) =>
        total == 0 ? "-" : (100.0 * passed / total).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public IEnumerable<(string Dir, int Tier, int Passed, int Failed)> Directories =>
        results.GroupBy(r => r.Case.Directory)
            .Select(g => (g.Key, Tier(g.Key), g.Count(r => r.Failure is null), g.Count(r => r.Failure is not null)))
            .OrderBy(d => d.Item2).ThenBy(d => d.Key, StringComparer.Ordinal);

    public IEnumerable<(int Tier, int Passed, int Total)> TierTotals =>
        Directories.GroupBy(d => d.Tier).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(d => d.Passed), g.Sum(d => d.Passed + d.Failed)));

    public string Text()
    {
        var sb = new StringBuilder();
        foreach (var d in Directories)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"tier {d.Tier} {d.Dir,-40} {d.Passed} passed, {d.Failed} failed");
        }
        foreach (var t in TierTotals)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"TIER {t.Tier}: {t.Passed} passed, {t.Total - t.Passed} failed ({Pct(t.Passed, t.Total)})");
        }
        var passed = results.Count(r => r.Failure is null);
        sb.AppendLine(CultureInfo.InvariantCulture, $"TOTAL: {passed} passed, {results.Count - passed} failed ({Pct(passed, results.Count)})");
        return sb.ToString();
    }

    public string Markdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Rego conformance");
        sb.AppendLine();
        sb.AppendLine("OPA's v1 conformance suite (`../shared/conformance/opa`, OPA commit `2605e2c7e686`) run against");
        sb.AppendLine("`DataSpace.Rego` by `tests/DataSpace.Rego.Conformance`. Cases known to fail are listed with their reason in");
        sb.AppendLine("`tests/DataSpace.Rego.Conformance/expected-failures.txt`; a new failure, or a listed case that passes, fails the build.");
        sb.AppendLine("Regenerate this file and the list with `UPDATE_CONFORMANCE=1 dotnet test --project tests/DataSpace.Rego.Conformance`.");
        sb.AppendLine();
        sb.AppendLine("| Tier | Passed | Total | Rate |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var t in TierTotals)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {t.Tier} | {t.Passed} | {t.Total} | {Pct(t.Passed, t.Total)} |");
        }
        var passed = results.Count(r => r.Failure is null);
        sb.AppendLine(CultureInfo.InvariantCulture, $"| all | {passed} | {results.Count} | {Pct(passed, results.Count)} |");
        sb.AppendLine();
        sb.AppendLine("| Tier | Directory | Passed | Failed |");
        sb.AppendLine("|---|---|---:|---:|");
        foreach (var d in Directories)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {d.Tier} | {d.Dir} | {d.Passed} | {d.Failed} |");
        }
        return sb.ToString();
    }
}
