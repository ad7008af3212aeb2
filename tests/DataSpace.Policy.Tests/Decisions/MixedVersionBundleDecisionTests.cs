using System.Text.Json.Nodes;
using DataSpace.Policy.Tests.Support;

namespace DataSpace.Policy.Tests.Decisions;

/// <summary>A bundle mixing Rego v0 and v1 modules (per-file versions, as OPA allows) decides through the embedded engine.</summary>
public sealed class MixedVersionBundleDecisionTests
{
    [Fact]
    public async Task EvaluateAsync_MixedV0AndV1Bundle_EachModuleParsedWithItsVersion()
    {
        var bundle = PolicyBundle.FromFiles([
            TestBundles.File(".manifest", """{"rego_version": 1, "file_rego_versions": {"/legacy/*.rego": 0}}"""),
            TestBundles.File("legacy/old.rego", "package legacy\nallow { input.user == \"alice\" }"),
            TestBundles.File("new.rego", "package n\nimport data.legacy\ndecision := {\"allow\": legacy.allow} if { legacy.allow }"),
        ]);
        var engine = EmbeddedPolicyEngine.Create(bundle);

        var allowed = await engine.EvaluateAsync("n/decision", new JsonObject { ["user"] = "alice" }, TestContext.Current.CancellationToken);
        var undefined = await engine.EvaluateAsync("n/decision", new JsonObject { ["user"] = "bob" }, TestContext.Current.CancellationToken);

        Assert.True(allowed.IsAllowed);
        Assert.Equal(PolicyOutcome.Undefined, undefined.Outcome);
        Assert.False(undefined.IsAllowed);
    }

    [Fact]
    public void DecisionIds_AreTimeOrderedUuidV7AndUnique()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);
        var ids = Enumerable.Range(0, 10_000).Select(_ => DecisionIds.New(time)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var id in ids.Take(10))
        {
            var guid = Guid.Parse(id);
            Assert.Equal(7, guid.Version);
            Assert.StartsWith(1_790_000_000_123L.ToString("x12", System.Globalization.CultureInfo.InvariantCulture)[..8], id.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
