using System.Text;

namespace DataSpace.Rego.Conformance;

/// <summary>
/// Runs every case of OPA's v1 conformance suite and holds the engine to the committed list of
/// expected failures: a new failure fails, and so does a listed case that now passes (so the
/// list only shrinks). Set <c>UPDATE_CONFORMANCE=1</c> to rewrite the list and <c>docs/conformance.md</c>.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private static string ExpectedFailuresPath =>
        Path.Combine(DataSpace.Testing.RepositoryPaths.RepositoryRoot, "tests", "DataSpace.Rego.Conformance", "expected-failures.txt");

    [Fact]
    public void Suite_MatchesExpectedFailures()
    {
        var cases = ConformanceLoader.Load();
        var results = cases.AsParallel().AsOrdered().WithDegreeOfParallelism(2)
            .Select(c => (Case: c, Failure: ConformanceRunner.Run(c))).ToList();
        var report = new ConformanceReport(results, ConformanceLoader.Tiers());
        output.WriteLine(report.Text());

        var failures = results.Where(r => r.Failure is not null).ToList();
        if (Environment.GetEnvironmentVariable("UPDATE_CONFORMANCE") == "1")
        {
            var sb = new StringBuilder();
            sb.AppendLine("# Conformance cases expected to fail: <file>#<case index><TAB><note><TAB><reason>");
            foreach (var (c, failure) in failures)
            {
                var reason = failure!.ReplaceLineEndings(" ").Replace('\t', ' ');
                sb.Append(c.Id).Append('\t').Append(c.Note.Replace('\t', ' ')).Append('\t').AppendLine(reason.Length > 200 ? reason[..200] : reason);
            }
            File.WriteAllText(ExpectedFailuresPath, sb.ToString());
            var docs = Path.Combine(DataSpace.Testing.RepositoryPaths.RepositoryRoot, "docs", "conformance.md");
            File.WriteAllText(docs, report.Markdown());
        }

        var expected = File.Exists(ExpectedFailuresPath)
            ? File.ReadLines(ExpectedFailuresPath).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal)
            : [];
        var unexpected = failures.Where(f => !expected.Contains(f.Case.Id)).Select(f => $"{f.Case.Id} ({f.Case.Note}): {f.Failure}").ToList();
        var fixedNow = results.Where(r => r.Failure is null && expected.Contains(r.Case.Id)).Select(r => r.Case.Id).ToList();
        foreach (var u in unexpected)
        {
            output.WriteLine("NEW FAILURE " + u);
        }
        foreach (var f in fixedNow)
        {
            output.WriteLine("NOW PASSES (remove from expected-failures.txt) " + f);
        }
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} new conformance failures; first: {unexpected.FirstOrDefault()}");
        Assert.True(fixedNow.Count == 0, $"{fixedNow.Count} expected failures now pass; first: {fixedNow.FirstOrDefault()}");
    }
}
