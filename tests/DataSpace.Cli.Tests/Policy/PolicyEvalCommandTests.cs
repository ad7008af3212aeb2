using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Policy;

public sealed class PolicyEvalCommandTests
{
    [Fact]
    public async Task Eval_ReferenceWithInput_PrintsValueLikeOpaEval()
    {
        using var fixture = new PolicyFixture();
        var input = fixture.Write("input.json", """{"user": "alice"}""");

        var run = (await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "-i", input, "data.authz.allow")).Succeeded();

        var expression = JsonNode.Parse(run.Out)!["result"]![0]!["expressions"]![0]!;
        Assert.True(expression["value"]!.GetValue<bool>());
        Assert.Equal("data.authz.allow", expression["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Eval_FalseDocument_PrintsFalseNotUndefined()
    {
        using var fixture = new PolicyFixture();

        var run = (await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "data.authz.allow")).Succeeded();

        Assert.False(JsonNode.Parse(run.Out)!["result"]![0]!["expressions"]![0]!["value"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Eval_Undefined_PrintsEmptyObject()
    {
        using var fixture = new PolicyFixture();

        var run = (await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "data.authz.nothing")).Succeeded();

        Assert.Equal("{}", run.Out.Trim());
    }

    [Fact]
    public async Task Eval_VariablesAndExtraData_Bindings()
    {
        using var fixture = new PolicyFixture();
        var data = fixture.Write("extra.json", """{"limits": {"max": 3}}""");

        var run = (await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "--data", data, "x := data.limits.max; some n in data.authz.names")).Succeeded();

        var bindings = JsonNode.Parse(run.Out)!["result"]![0]!["bindings"]!;
        Assert.Equal(3, bindings["x"]!.GetValue<int>());
        Assert.Equal("alice", bindings["n"]!.GetValue<string>());
    }

    [Fact]
    public async Task Eval_Explain_ListsFiredRules()
    {
        using var fixture = new PolicyFixture();

        var run = (await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "--explain", "data.authz.names")).Succeeded();

        Assert.Contains("fired: data.authz.names (set, authz.rego:7:1)", run.Error);
    }

    [Fact]
    public async Task Eval_BadRego_Exit3WithFileLineColumn()
    {
        using var fixture = new PolicyFixture();
        fixture.Write("policies/bad.rego", "package bad\n\nallow if {\n  input.x ==\n}\n");

        var run = await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "data.bad.allow");

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Matches(@"bad\.rego:\d+:\d+: rego_parse_error", run.Error);
    }

    [Fact]
    public async Task Eval_V0SyntaxWithoutTheFlag_Exit3WithHint()
    {
        using var fixture = new PolicyFixture();
        fixture.Write("policies/legacy.rego", "package legacy\n\nallow { input.user == \"alice\" }\n");
        var input = fixture.Write("input.json", """{"user": "alice"}""");

        var v1 = await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "-i", input, "data.legacy.allow");

        Assert.Equal(ExitCodes.InputError, v1.ExitCode);
        Assert.Contains("legacy.rego", v1.Error);
        Assert.Contains("--v0-compatible", v1.Error);
    }

    [Fact]
    public async Task Eval_V0Only_WithFlag_Evaluates()
    {
        using var fixture = new PolicyFixture();
        var dir = Path.Combine(Path.GetDirectoryName(fixture.Policies)!, "v0");
        fixture.Write("v0/legacy.rego", "package legacy\n\nallow { input.user == \"alice\" }\n");
        var input = fixture.Write("input.json", """{"user": "alice"}""");

        var run = (await CliRun.RunAsync("policy", "eval", "-d", dir, "--v0-compatible", "-i", input, "data.legacy.allow")).Succeeded();

        Assert.True(JsonNode.Parse(run.Out)!["result"]![0]!["expressions"]![0]!["value"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Eval_EvaluationError_Exit3()
    {
        using var fixture = new PolicyFixture();

        var run = await CliRun.RunAsync("policy", "eval", "-d", fixture.Policies, "--strict-builtin-errors", "x := to_number(\"abc\")");

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("eval_builtin_error", run.Error);
    }
}
