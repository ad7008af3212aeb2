namespace DataSpace.Rego.Tests.Evaluation;

/// <summary>
/// Cases the compiled direct path, order-free set searches, small objects and reused evaluators
/// must answer exactly as OPA does.
/// </summary>
public sealed class CompiledPathTests
{
    private static RegoEngine Compile(string source, string? data = null) =>
        RegoEngine.Compile(new Dictionary<string, string> { ["p.rego"] = source }, data is null ? null : RegoValue.ParseJson(data));

    [Fact]
    public void SearchThatCanFailPerMember_VisitsSetInOrder()
    {
        // In OPA's order "2" comes before "a": the search succeeds before to_number fails.
        var engine = Compile("""
            package x
            s contains v if some v in input.items
            p if { some v in s; to_number(v) > 1 }
            """);

        var p = engine.EvaluateRule("data.x.p", RegoValue.ParseJson("""{"items": ["a", "2"]}"""), new RegoEvaluationOptions { StrictBuiltinErrors = true });

        Assert.Equal(RegoBoolean.True, p);
    }

    [Fact]
    public void OrderFreeSearch_LeavesTheSetSortedAndDistinct()
    {
        var engine = Compile("""
            package x
            s contains v if some v in input.xs
            found if { some v in s; v == 3 }
            missing if { some v in s; v == 4 }
            n := count(s)
            listed := [v | some v in s]
            """);
        var input = RegoValue.ParseJson("""{"xs": [3, 1, 3, 2]}""");

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.found", input));
        Assert.Null(engine.EvaluateRule("data.x.missing", input));
        Assert.Equal("3", engine.EvaluateRule("data.x.n", input)!.ToString());
        Assert.Equal("[1, 2, 3]", engine.EvaluateRule("data.x.listed", input)!.ToString());
        Assert.Equal("{1, 2, 3}", engine.EvaluateRule("data.x.s", input)!.ToString());
    }

    [Fact]
    public void SearchOverAPartialSet_StreamsMembersAndLeavesTheSetToBeBuiltLater()
    {
        var engine = Compile("""
            package x
            granted contains grant if {
                some role in data.roles[input.user]
                some grant in data.grants[role]
            }
            granted contains "extra" if input.extra
            allow if {
                some g in granted
                g == input.want
            }
            both := [allow, count(granted)]
            """, """{"roles": {"bob": ["a", "b"]}, "grants": {"a": ["r", "w"], "b": ["w", "x"]}}""");

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.allow", RegoValue.ParseJson("""{"user": "bob", "want": "x"}""")));
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.allow", RegoValue.ParseJson("""{"user": "bob", "want": "extra", "extra": true}""")));
        Assert.Null(engine.EvaluateRule("data.x.allow", RegoValue.ParseJson("""{"user": "bob", "want": "y"}""")));
        Assert.Equal("[true, 3]", engine.EvaluateRule("data.x.both", RegoValue.ParseJson("""{"user": "bob", "want": "r"}"""))!.ToString());
    }

    [Fact]
    public void SetWhoseRulesCanFail_IsBuiltBeforeTheSearch()
    {
        // Streaming would find 1 and stop before the second rule's error; OPA builds the set first.
        var engine = Compile("""
            package x
            s contains v if some v in [1, 2]
            s contains n if n := to_number(input.bad)
            p if { some v in s; v == 1 }
            """);

        var error = Assert.Throws<RegoException>(() =>
            engine.EvaluateRule("data.x.p", RegoValue.ParseJson("""{"bad": "a"}"""), new RegoEvaluationOptions { StrictBuiltinErrors = true }));
        Assert.Equal("eval_builtin_error", error.Code);
    }

    [Fact]
    public void SetWhoseRulesReadAConflictingRule_IsBuiltBeforeTheSearch()
    {
        var engine = Compile("""
            package x
            c := 1 if input.on
            c := 2 if input.on
            s contains v if some v in [1, 2]
            s contains c if input.on
            p if { some v in s; v == 1 }
            """);

        var error = Assert.Throws<RegoException>(() => engine.EvaluateRule("data.x.p", RegoValue.ParseJson("""{"on": true}""")));
        Assert.Equal("eval_conflict_error", error.Code);
    }

    [Fact]
    public void SearchThatReadsTheSetAgain_SeesItsValue()
    {
        var engine = Compile("""
            package x
            s contains v if some v in input.xs
            p if { some v in s; s[v]; v == 2 }
            """);

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.p", RegoValue.ParseJson("""{"xs": [1, 2]}""")));
    }

    [Fact]
    public void LargePartialSets_SwitchToHashingWithoutLosingMembers()
    {
        var engine = Compile("""
            package x
            all contains n if some n in numbers.range(1, 100)
            mod contains n % 5 if some n in numbers.range(1, 100)
            counts := [count(all), count(mod)]
            found if { some n in all; n == 77 }
            """);

        Assert.Equal("[100, 5]", engine.EvaluateRule("data.x.counts")!.ToString());
        Assert.Equal("{0, 1, 2, 3, 4}", engine.EvaluateRule("data.x.mod")!.ToString());
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.found"));
    }

    [Fact]
    public void SetsFromMembersAndFromHashing_AreEqual()
    {
        var engine = Compile("""
            package x
            s contains v if some v in input.xs
            same if s == {1, 2, 3}
            member if 2 in s
            """);
        var input = RegoValue.ParseJson("""{"xs": [2, 3, 1, 2]}""");

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.same", input));
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.member", input));
    }

    [Fact]
    public void SmallAndLargeObjects_LookUpAndCompareAlike()
    {
        var engine = Compile("""
            package x
            small if input.small == {"b": 2, "a": 1}
            large if input.large == {"k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8, "k9": 9}
            read := [input.small.a, input.large.k9]
            keys := [k | some k, _ in input.small]
            """);
        var input = RegoValue.FromJsonNode(System.Text.Json.Nodes.JsonNode.Parse("""
            {"small": {"b": 2, "a": 1}, "large": {"k9": 9, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8}}
            """));

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.small", input));
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.large", input));
        Assert.Equal("[1, 9]", engine.EvaluateRule("data.x.read", input)!.ToString());
        Assert.Equal("[\"a\", \"b\"]", engine.EvaluateRule("data.x.keys", input)!.ToString());
    }

    [Fact]
    public void BaseDataAndRulesReachedByConstantNames_FollowWithReplacements()
    {
        var engine = Compile("""
            package x
            grants := data.grants[input.role]
            p := data.grants.admin
            q := r if { r := p with data.grants.admin as ["none"] }
            """, """{"grants": {"admin": ["all"], "user": ["read"]}}""");

        Assert.Equal("[\"read\"]", engine.EvaluateRule("data.x.grants", RegoValue.ParseJson("""{"role": "user"}"""))!.ToString());
        Assert.Equal("[\"all\"]", engine.EvaluateRule("data.x.p")!.ToString());
        Assert.Equal("[\"none\"]", engine.EvaluateRule("data.x.q")!.ToString());
    }

    [Fact]
    public void ReusedEvaluator_StartsEachQueryClean()
    {
        var engine = Compile("""
            package x
            conflict := 1 if input.a
            conflict := 2 if input.a
            v := input.v
            """);

        Assert.Throws<RegoException>(() => engine.EvaluateRule("data.x.conflict", RegoValue.ParseJson("""{"a": true}""")));
        Assert.Equal("1", engine.EvaluateRule("data.x.v", RegoValue.ParseJson("""{"v": 1}"""))!.ToString());
        Assert.Equal("2", engine.EvaluateRule("data.x.v", RegoValue.ParseJson("""{"v": 2}"""))!.ToString());
        Assert.Null(engine.EvaluateRule("data.x.v"));
    }

    [Fact]
    public void Solutions_ReportVisibleVariablesInQueryOrder()
    {
        var engine = Compile("package x\n");

        var result = engine.Evaluate("[_, z] = [1, 2]; y := 3");

        var solution = Assert.Single(result.Solutions);
        Assert.Equal(["z", "y"], solution.Keys);
        Assert.Equal("2", solution["z"].ToString());
        Assert.False(solution.ContainsKey("_"));
    }

    [Fact]
    public void TimeNow_IsFixedWithinOneQuery()
    {
        var engine = Compile("package x\nsame if time.now_ns() == time.now_ns()\n");

        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.x.same"));
    }
    [Fact]
    public void InputPaths_ReadOncePerInput_FollowWithAndTheNextEvaluation()
    {
        // input.a is read inside a loop, under `with input as` (another input each time) and
        // again after it; then the same query runs with another input on the same thread.
        var engine = Compile("""
            package x
            seen := [v | some i in [1, 2, 3]; v := input.a]
            inner := v if { v := input.a }
            replaced := [v | some i in [1, 2]; v := inner with input as {"a": i}]
            after := v if { replaced; v := input.a }
            missing if { input.b.c }
            """);

        foreach (var a in new[] { "10", "20" })
        {
            var input = RegoValue.ParseJson($$"""{"a": {{a}}}""");
            Assert.Equal($"[{a}, {a}, {a}]", engine.EvaluateRule("data.x.seen", input)!.ToString());
            Assert.Equal("[1, 2]", engine.EvaluateRule("data.x.replaced", input)!.ToString());
            Assert.Equal(a, engine.EvaluateRule("data.x.after", input)!.ToString());
            Assert.Null(engine.EvaluateRule("data.x.missing", input));
        }
        Assert.Null(engine.EvaluateRule("data.x.after", null));
    }
}
