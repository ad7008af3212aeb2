using DataSpace.Cli.Hosting;
using DataSpace.Testing;

namespace DataSpace.Cli.Tests.Policy;

/// <summary>The repository's policy pack, exactly as a user runs it: <c>dataspace policy test policies/</c>.</summary>
public sealed class PolicyPackCommandTests
{
    [Fact]
    public async Task PolicyTest_RepositoryPack_EveryTestPasses()
    {
        var run = await CliRun.RunAsync("policy", "test", Path.Combine(RepositoryPaths.RepositoryRoot, "policies"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.Out + run.Error);
        Assert.Matches(@"(?m)^[1-9][0-9]+ passed, 0 failed$", run.Out + run.Error);
    }
}
