using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Policy;

public sealed class PolicyTestCommandTests
{
    [Fact]
    public async Task Test_AllPass_Exit0WithSummary()
    {
        using var fixture = new PolicyFixture();
        fixture.Write("policies/authz_test.rego", """
            package authz

            test_alice_allowed if allow with input as {"user": "alice"}
            test_bob_denied if not allow with input as {"user": "bob"}
            """);

        var run = (await CliRun.RunAsync("policy", "test", fixture.Policies)).Succeeded();

        Assert.Equal("2 passed, 0 failed", run.Out.Trim());
    }

    [Fact]
    public async Task Test_Failures_LinePerFailureAndExit1()
    {
        using var fixture = new PolicyFixture();
        fixture.Write("policies/authz_test.rego", """
            package authz

            test_alice_allowed if allow with input as {"user": "alice"}
            test_undefined if allow with input as {"user": "bob"}
            test_false := false
            test_error if 1 / 0 == 1
            """);
        // test_* rules outside *_test.rego files are not tests.
        fixture.Write("policies/helpers.rego", "package helpers\n\ntest_not_a_test := false\n");

        var run = await CliRun.RunAsync("policy", "test", fixture.Policies);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        var lines = run.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("FAIL (undefined) data.authz.test_undefined (authz_test.rego:4", lines[0]);
        Assert.StartsWith("FAIL (got false) data.authz.test_false", lines[1]);
        Assert.StartsWith("FAIL (undefined) data.authz.test_error", lines[2]);
        Assert.Equal("1 passed, 3 failed", lines[3]);
    }

    [Fact]
    public async Task Test_Verbose_ListsPasses()
    {
        using var fixture = new PolicyFixture();
        fixture.Write("policies/authz_test.rego", "package authz\n\ntest_alice_allowed if allow with input as {\"user\": \"alice\"}\n");

        var run = (await CliRun.RunAsync("policy", "test", "-v", fixture.Policies)).Succeeded();

        Assert.StartsWith("PASS data.authz.test_alice_allowed (authz_test.rego:3", run.Out);
    }

    [Fact]
    public async Task Test_NoTests_Exit1()
    {
        using var fixture = new PolicyFixture();

        var run = await CliRun.RunAsync("policy", "test", fixture.Policies);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains("no test_* rules", run.Error);
    }

    [Fact]
    public async Task Test_BadRego_Exit3()
    {
        using var fixture = new PolicyFixture();
        fixture.Write("policies/authz_test.rego", "package authz\n\ntest_x if {\n");

        var run = await CliRun.RunAsync("policy", "test", fixture.Policies);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Matches(@"authz_test\.rego:\d+:\d+: rego_parse_error", run.Error);
    }
}
