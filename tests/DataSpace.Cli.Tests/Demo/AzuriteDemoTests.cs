using DataSpace.Cli.Hosting;
using DataSpace.Testing;

namespace DataSpace.Cli.Tests.Demo;

/// <summary><c>dataspace demo --azurite</c>: the same story with the ledger and every store in Azure Blob Storage (Azurite, which the test command starts).</summary>
[Collection(DemoCollection.Name)]
public sealed class AzuriteDemoTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Demo_OnAzurite_RunsTheSameStoryAndItsExportedLedgerAuditsClean()
    {
        Assert.NotEmpty(Azurite.ConnectionString);
        var workspace = _temp.File("space");

        var run = await CliRun.RunAsync("demo", "--azurite", "--keep", workspace);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Out + run.Error);
        Assert.Matches(@"storage +Azurite: ledger in container dsdemo-[0-9a-f]{8}-ledger", run.Out);
        Assert.Matches(@"PASSED: all \d+ expected outcomes happened", run.Out);
        Assert.False(Directory.Exists(Path.Combine(workspace, "88.608.3100", "assets")), "assets went to Azurite, not the file system");
        var audit = await CliRun.RunAsync("audit", Path.Combine(workspace, "ledger"));
        Assert.True(audit.ExitCode == ExitCodes.Success, audit.Out + audit.Error);
    }
}
