namespace DataSpace.Rego.Tests.Evaluation;

/// <summary>
/// Cases the evaluator's fast paths (direct evaluation of ground expressions, cached rule targets,
/// the in-progress marker in the rule cache) must answer exactly as the general path does.
/// </summary>
public sealed class FastPathTests
{
    private static RegoEngine Compile(string source, string? data = null) =>
        RegoEngine.Compile(new Dictionary<string, string> { ["p.rego"] = source }, data is null ? null : RegoValue.ParseJson(data));

    [Fact]
    public void MutuallyRecursiveRules_RaiseRecursionError()
    {
        var engine = Compile("package x\np if q\nq if p\n");

        var error = Assert.Throws<RegoException>(() => engine.EvaluateRule("data.x.p"));
        Assert.Equal("rego_recursion_error", error.Code);
    }

    [Fact]
    public void RuleReachedByConstantPath_HonoursWithOnData()
    {
        var engine = Compile("package x\nroles := data.roles\nallow if \"admin\" in roles\nq if allow with data.roles as [\"admin\"]\n", """{"roles": []}""");

        Assert.Equal(RegoBoolean.False, engine.EvaluateRule("data.x.allow") ?? RegoBoolean.False);
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.q"));
    }

    [Fact]
    public void GroundTestsAndAssignments_MatchGeneralEvaluation()
    {
        var engine = Compile("""
            package x
            r contains v if {
                some i in input.items
                v := i * 2
                v > 2
                not v == 6
                input.flag == true
            }
            """);

        var result = Assert.IsType<RegoSet>(engine.EvaluateRule("data.x.r", RegoValue.ParseJson("""{"items": [1, 2, 3, 4], "flag": true}""")));
        Assert.Equal(["4", "8"], result.Items.Select(v => v.ToString()));
    }

    [Fact]
    public void EqualityOnUndefinedOperand_IsUndefinedNotFalse()
    {
        var engine = Compile("package x\ndefault d := \"default\"\nd := \"eq\" if input.missing == input.missing\n");

        Assert.Equal(new RegoString("default"), engine.EvaluateRule("data.x.d", RegoValue.ParseJson("{}")));
    }

    [Fact]
    public void FunctionCalledWithGroundArguments_UsesCachedTarget()
    {
        var engine = Compile("package x\ndouble(n) := n * 2\nr := [double(1), double(2)]\nmocked := x if { x := r with double as 0 }\n");

        Assert.Equal("[2, 4]", engine.EvaluateRule("data.x.r")!.ToString());
        Assert.Equal("[0, 0]", engine.EvaluateRule("data.x.mocked")!.ToString());
    }
}
