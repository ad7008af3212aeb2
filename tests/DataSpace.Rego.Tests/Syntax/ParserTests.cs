namespace DataSpace.Rego.Tests.Syntax;

public sealed class ParserTests
{
    [Fact]
    public void Compile_SyntaxError_ReportsFileLineAndCode()
    {
        var e = Assert.Throws<RegoCompileException>(() => RegoEngine.Compile(new Dictionary<string, string>
        {
            ["a.rego"] = "package a\n\np if {\n  x := [1, 2\n}\n",
        }));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("rego_parse_error", d.Code);
        Assert.Equal("a.rego", d.Location!.File);
        Assert.Equal(5, d.Location.Line);
    }

    [Fact]
    public void Compile_ErrorsInSeveralModules_AreAllCollected()
    {
        var e = Assert.Throws<RegoCompileException>(() => RegoEngine.Compile(new Dictionary<string, string>
        {
            ["a.rego"] = "package a\np if {",
            ["b.rego"] = "packge b",
        }));
        Assert.Equal(2, e.Diagnostics.Count);
    }

    [Fact]
    public void Compile_V1BodyWithoutIf_IsRejected()
    {
        var e = Assert.Throws<RegoCompileException>(() => RegoEngine.Compile(new Dictionary<string, string> { ["a.rego"] = "package a\np { true }\n" }));
        Assert.Contains("`if` keyword is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TemplateStringsRawStringsAndComments_Evaluate()
    {
        var engine = RegoEngine.Compile(new Dictionary<string, string>
        {
            ["a.rego"] = "package a\n# comment\nname := `world`\nmsg := $\"hello {name}, {1 + 1}\" # trailing\n",
        });
        Assert.Equal(new RegoString("hello world, 2"), engine.EvaluateRule("data.a.msg"));
    }

    [Fact]
    public void Compile_IfFollowedByObjectComprehension_IsOneExpressionBody()
    {
        var engine = RegoEngine.Compile(new Dictionary<string, string>
        {
            ["a.rego"] = "package a\np if {x: i | some i, x in [\"a\", \"b\"]}\n",
        });
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.a.p"));
    }

    [Fact]
    public void Compile_BadBraceBody_ReportsTheBodyError()
    {
        var e = Assert.Throws<RegoCompileException>(() => RegoEngine.Compile(new Dictionary<string, string>
        {
            ["a.rego"] = "package a\np if {\n  x := [1, 2\n}\n",
        }));
        Assert.Equal(4, Assert.Single(e.Diagnostics).Location!.Line);
    }
}
