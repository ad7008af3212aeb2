using System.Text.Json.Nodes;
using DataSpace.Testing;

namespace DataSpace.Policy.Tests.Pack;

/// <summary>
/// Every built-in the pack calls must pass the engine's OPA conformance cases: no case the engine is expected
/// to fail (tests/DataSpace.Rego.Conformance/expected-failures.txt) may exercise it.
/// </summary>
public sealed class PolicyPackConformanceTests
{
    /// <summary>Built-in → the conformance directory that holds its cases, as the expected-failures list and index.tsv name them.</summary>
    private static readonly Dictionary<string, string> Directories = new(StringComparer.Ordinal)
    {
        ["array.concat"] = "array",
        ["contains"] = "strings",
        ["count"] = "aggregates",
        ["is_array"] = "typebuiltin",
        ["is_number"] = "typebuiltin",
        ["is_string"] = "typebuiltin",
        ["json.remove"] = "jsonremove",
        ["max"] = "aggregates",
        ["min"] = "aggregates",
        ["object.get"] = "objectget",
        ["object.remove"] = "objectremove",
        ["object.union"] = "objectunion",
        ["sort"] = "aggregates",
        ["sprintf"] = "sprintf",
        ["startswith"] = "strings",
        ["time.parse_rfc3339_ns"] = "time",
    };

    [Fact]
    public void BuiltinsCalled_AreFoundAndMapped()
    {
        var called = PolicyPack.BuiltinsCalled();

        Assert.Contains("time.parse_rfc3339_ns", called);
        Assert.Contains("object.union", called);
        Assert.DoesNotContain("within", called);
        Assert.DoesNotContain("c.within", called);
        var unmapped = called.Where(b => !Directories.ContainsKey(b)).ToList();
        Assert.True(unmapped.Count == 0, $"builtins with no conformance directory in this test's map: {string.Join(", ", unmapped)}");
    }

    [Fact]
    public void BuiltinsCalled_HaveNoExpectedConformanceFailure()
    {
        var problems = PolicyPack.BuiltinsCalled().SelectMany(b => Problems(b, Directories[b])).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Check_FlagsABuiltinThatAFailingCaseCalls()
    {
        // Negative control: time/test-time-0947.json#0 is an expected failure that calls test.sleep, not time.parse_rfc3339_ns.
        Assert.Contains(Problems("test.sleep", "time"), p => p.Contains("time/test-time-0947.json#0", StringComparison.Ordinal));
        Assert.Empty(Problems("time.parse_rfc3339_ns", "time"));
        Assert.NotEmpty(Problems("count", "no-such-directory"));
    }

    /// <summary>Why <paramref name="builtin"/> fails conformance in <paramref name="directory"/>: cases expected to fail there that call it.</summary>
    private static List<string> Problems(string builtin, string directory)
    {
        var index = File.ReadAllText(RepositoryPaths.ConformanceFile("opa", "index.tsv"));
        if (!index.Contains($"\t{directory}\t", StringComparison.Ordinal))
        {
            return [$"{builtin}: conformance directory {directory} is not in index.tsv"];
        }
        var problems = new List<string>();
        foreach (var (caseId, reason) in ExpectedFailures().Where(f => f.Case.StartsWith(directory + "/", StringComparison.Ordinal)))
        {
            // A failing case in the directory counts against the builtin when the case's Rego calls it.
            if (CaseText(caseId).Contains(builtin + "(", StringComparison.Ordinal))
            {
                problems.Add($"{builtin}: expected failure {caseId}: {reason}");
            }
            else
            {
                TestContext.Current.SendDiagnosticMessage($"{builtin}: {caseId} fails in {directory} but does not call it ({reason})");
            }
        }
        return problems;
    }

    [Fact]
    public void ExpectedFailures_Parse()
    {
        var failures = ExpectedFailures();

        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Matches(@"^[a-z0-9-]+/[^#]+\.json#\d+$", f.Case));
    }

    private static List<(string Case, string Reason)> ExpectedFailures() =>
        File.ReadAllLines(Path.Combine(RepositoryRoot, "tests", "DataSpace.Rego.Conformance", "expected-failures.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p.Length > 2 ? p[2] : ""))
            .ToList();

    private static string RepositoryRoot => RepositoryPaths.RepositoryRoot;

    /// <summary>The modules and query of one conformance case, <c>dir/file.json#index</c>.</summary>
    private static string CaseText(string caseId)
    {
        var hash = caseId.LastIndexOf('#');
        var file = RepositoryPaths.ConformanceFile(["opa", "v1", .. caseId[..hash].Split('/')]);
        var cases = JsonNode.Parse(File.ReadAllText(file))!["cases"]!.AsArray();
        var @case = cases[int.Parse(caseId[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture)]!;
        var modules = @case["modules"] is JsonArray m ? string.Join('\n', m.Select(x => x!.GetValue<string>())) : "";
        return modules + "\n" + (@case["query"]?.GetValue<string>() ?? "");
    }
}
