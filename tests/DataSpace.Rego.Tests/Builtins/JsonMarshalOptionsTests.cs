namespace DataSpace.Rego.Tests.Builtins;

public sealed class JsonMarshalOptionsTests
{
    private static RegoValue? Eval(string expr) =>
        RegoEngine.Compile(new Dictionary<string, string> { ["p.rego"] = "package t\np := " + expr + "\n" }).EvaluateRule("data.t.p");

    [Fact]
    public void Prefix_StartsEveryLine_AndEmptyCollectionsStayCompact() =>
        Assert.Equal(new RegoString("> {\n>   \"a\": [],\n>   \"b\": {\"x\"}\n> }".Replace("{\"x\"}", "[\n>     \"x\"\n>   ]", StringComparison.Ordinal)),
            Eval("""json.marshal_with_options({"a": [], "b": {"x"}}, {"prefix": "> ", "indent": "  "})"""));

    [Fact]
    public void PrettyFalse_IsCompact() =>
        Assert.Equal(new RegoString("[1,2]"), Eval("""json.marshal_with_options([1, 2], {"pretty": false, "indent": "  "})"""));
}
