namespace DataSpace.Rego.Tests.Compilation;

public sealed class ModuleVersionTests
{
    private const string V0Module = "package legacy\nq[x] { x := input.items[_] }\nallow { count(q) > 1 }\n";
    private const string V1Module = "package modern\nimport data.legacy\nallow if { legacy.allow; \"b\" in legacy.q }\n";

    [Fact]
    public void Compile_MixedVersions_EachModuleParsedInItsOwnDialect()
    {
        var engine = RegoEngine.Compile([
            new RegoModule("legacy.rego", V0Module, RegoVersion.V0),
            new RegoModule("modern.rego", V1Module, RegoVersion.V1),
        ]);
        var input = RegoValue.ParseJson("""{"items": ["a", "b"]}""");

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.legacy.allow", input));
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.modern.allow", input));
        var q = Assert.IsType<RegoSet>(engine.EvaluateRule("data.legacy.q", input));
        Assert.Equal(2, q.Items.Count);
    }

    [Fact]
    public void Compile_V0ModuleMarkedV1_ReportsParseErrorInThatFile()
    {
        var error = Assert.Throws<RegoCompileException>(() => RegoEngine.Compile([
            new RegoModule("legacy.rego", V0Module, RegoVersion.V1),
            new RegoModule("modern.rego", V1Module, RegoVersion.V1),
        ]));

        Assert.All(error.Diagnostics, d => Assert.Equal("legacy.rego", d.Location?.File));
    }

    [Fact]
    public void Compile_DictionaryOverload_StillAppliesOneVersionToAll()
    {
        var engine = RegoEngine.Compile(new Dictionary<string, string> { ["legacy.rego"] = V0Module }, (RegoValue?)null, RegoVersion.V0);

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.legacy.allow", RegoValue.ParseJson("""{"items": [1, 2]}""")));
    }
}
