namespace DataSpace.Rego.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static RegoEngine Compile(string source, RegoVersion version = RegoVersion.V1) =>
        RegoEngine.Compile(new Dictionary<string, string> { ["policy.rego"] = source }, (RegoValue?)null, version);

    private const string Rbac = """
        package rbac

        default allow := false

        allow if {
            some role in input.user.roles
            some grant in data.grants[role]
            grant.action == input.action
        }

        reasons contains msg if {
            not allow
            msg := sprintf("%s may not %s", [input.user.name, input.action])
        }
        """;

    [Fact]
    public void EvaluateRule_RbacAllowAndDeny()
    {
        var data = RegoValue.ParseJson("""{"grants": {"admin": [{"action": "delete"}], "reader": [{"action": "read"}]}}""");
        var engine = RegoEngine.Compile(new Dictionary<string, string> { ["rbac.rego"] = Rbac }, data);
        var admin = RegoValue.ParseJson("""{"user": {"name": "ann", "roles": ["admin"]}, "action": "delete"}""");
        var reader = RegoValue.ParseJson("""{"user": {"name": "bob", "roles": ["reader"]}, "action": "delete"}""");
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.rbac.allow", admin));
        Assert.Equal(RegoBoolean.False, engine.EvaluateRule("rbac/allow", reader));
        var reasons = Assert.IsType<RegoSet>(engine.EvaluateRule("data.rbac.reasons", reader));
        Assert.Equal(new RegoString("bob may not delete"), Assert.Single(reasons.Items));
    }

    [Fact]
    public void Evaluate_ConflictingCompleteRule_RaisesConflictError()
    {
        var engine = Compile("package a\np := 1\np := 2\n");
        var e = Assert.Throws<RegoException>(() => engine.Evaluate("data.a.p = x"));
        Assert.Equal("eval_conflict_error", e.Code);
        Assert.Contains("complete rules must not produce multiple outputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BuiltinError_UndefinedUnlessStrict()
    {
        var engine = Compile("package a\np := x if { x := 1 / 0 }\n");
        Assert.True(engine.Evaluate("data.a.p = x").IsUndefined);
        var e = Assert.Throws<RegoException>(() => engine.Evaluate("data.a.p = x", null, new RegoEvaluationOptions { StrictBuiltinErrors = true }));
        Assert.Equal("eval_builtin_error", e.Code);
    }

    [Fact]
    public void Evaluate_WithReplacesInputAndFunctions()
    {
        var engine = Compile("package a\nf(x) := x * 2\np := f(input.n)\nq := y if { y := p with input.n as 4 with f as g }\ng(x) := x + 100\n");
        Assert.Equal(RegoNumber.Of(104), engine.EvaluateRule("data.a.q"));
    }

    [Fact]
    public void Evaluate_StepLimit_StopsRunawayPolicy()
    {
        var engine = Compile("package a\np := count([x | some x in numbers.range(1, 100000)])\n");
        var e = Assert.Throws<RegoException>(() => engine.Evaluate("data.a.p = x", null, new RegoEvaluationOptions { MaxSteps = 1_000 }));
        Assert.Equal("eval_limit_error", e.Code);
    }

    [Fact]
    public void Evaluate_Cancelled_RaisesCancelError()
    {
        var engine = Compile("package a\np := count([x | some x in numbers.range(1, 100000)])\n");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var e = Assert.Throws<RegoException>(() => engine.Evaluate("data.a.p = x", null, new RegoEvaluationOptions { CancellationToken = cts.Token }));
        Assert.Equal("eval_cancel_error", e.Code);
    }

    [Fact]
    public void Evaluate_UnsupportedBuiltin_NamesTheFunction()
    {
        var engine = Compile("package a\np := http.send({\"url\": \"http://x\"})\n");
        var e = Assert.Throws<RegoException>(() => engine.Evaluate("data.a.p = x"));
        Assert.Contains("http.send", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReordersBodyForSafety()
    {
        var engine = Compile("package a\np contains y if { y > 1; y = input[_] }\n");
        var result = engine.EvaluateRule("data.a.p", RegoValue.ParseJson("[1, 2, 3]"));
        Assert.Equal(RegoValue.ParseJson("[2, 3]"), RegoValue.FromJsonNode(result!.ToJsonNode()));
    }

    [Fact]
    public void V0_BodiesWithoutIfAndPartialSets()
    {
        var engine = Compile("package a\nq[x] { x := input[_] }\nallow { count(q) > 1 }\n", RegoVersion.V0);
        var input = RegoValue.ParseJson("""["a", "b"]""");
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.a.allow", input));
        Assert.IsType<RegoSet>(engine.EvaluateRule("data.a.q", input));
    }

    [Fact]
    public void Rules_ListsTestRulesPerPackage_AndExplainReportsFiredRules()
    {
        var engine = Compile("package a\np if input.x\ntest_p if p with input.x as true\n");
        Assert.Contains(engine.Rules, r => r.Package == "a" && r.Name == "test_p");
        var result = engine.Evaluate("data.a.test_p = x", null, new RegoEvaluationOptions { Explain = true });
        Assert.Contains(result.FiredRules, r => r.Name == "p");
    }

    [Fact]
    public void Evaluate_WithBuiltinReplacedByBuiltinOrLocal()
    {
        var engine = Compile("""
            package a
            p := x if { x := count([{}, {"foo": 3}]) with count as object.union_n }
            q if {
                some v in numbers.range(1, 10)
                r with count as v
            }
            r if count("foo") == 10
            """);
        Assert.Equal(RegoValue.ParseJson("""{"foo": 3}"""), engine.EvaluateRule("data.a.p"));
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.a.q"));
    }
}
