using DataSpace.Rego;

namespace DataSpace.Policy.Tests.Pack;

/// <summary>Runs the pack's own Rego tests (<c>policies/**/*_test.rego</c>) through the embedded engine.</summary>
public sealed class PolicyPackRegoTests
{
    [Fact]
    public void EveryRegoTest_Passes()
    {
        var tests = PolicyPack.Tests;
        var failures = new List<string>();
        foreach (var test in tests)
        {
            var where = $"{test.Path} ({test.Location.File}:{test.Location.Line})";
            try
            {
                var value = PolicyPack.Engine.Rego.EvaluateRule(test.Path, options: new RegoEvaluationOptions { CancellationToken = TestContext.Current.CancellationToken });
                if (value is not { IsTrue: true })
                {
                    failures.Add($"FAIL {(value is null ? "(undefined)" : $"(got {value})")} {where}");
                }
            }
            catch (RegoException e)
            {
                failures.Add($"ERROR ({e.Message}) {where}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tests.Count} pack tests failed:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void EveryDecisionPackage_HasTests()
    {
        var packages = PolicyPack.Tests.Select(t => t.Package).ToHashSet(StringComparer.Ordinal);

        foreach (var package in new[] { "classification", "catalog", "negotiation", "transfer", "usage" })
        {
            Assert.Contains($"dataspace.{package}_test", packages);
        }
        Assert.True(PolicyPack.Tests.Count >= 100, $"only {PolicyPack.Tests.Count} tests found");
    }

    [Fact]
    public void EveryRule_HasAnAllowAndADenyTest()
    {
        // Test names carry the rule number (test_r7_...); each rule needs a passing and a refusing case.
        var names = PolicyPack.Tests.Select(t => t.Name).ToList();
        var missing = new List<string>();
        for (var rule = 1; rule <= 15; rule++)
        {
            var ofRule = names.Where(n => n.StartsWith($"test_r{rule}_", StringComparison.Ordinal)).ToList();
            if (!ofRule.Any(n => n.Contains("denied", StringComparison.Ordinal) || n.Contains("hidden", StringComparison.Ordinal) || n.Contains("refused", StringComparison.Ordinal)))
            {
                missing.Add($"R{rule}: no deny case");
            }
            if (!ofRule.Any(n => n.Contains("allowed", StringComparison.Ordinal) || n.Contains("visible", StringComparison.Ordinal) || n.Contains("sees", StringComparison.Ordinal)
                                 || n.Contains("exempt", StringComparison.Ordinal) || n.Contains("grade_of", StringComparison.Ordinal) || n.Contains("obligations_on_allow", StringComparison.Ordinal)
                                 || n.Contains("must_be_encrypted", StringComparison.Ordinal) || n.Contains("carries", StringComparison.Ordinal)))
            {
                missing.Add($"R{rule}: no allow case");
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }
}
