using DataSpace.EndToEnd.Tests.Support;

namespace DataSpace.EndToEnd.Tests.Demo;

/// <summary>
/// <c>dataspace demo --processes</c> killed with SIGKILL while its space runs: it cannot stop its
/// services, but the operating system closes the pipes to their stdin, and each service stops on its
/// own — no broker or connector outlives the demo, however it ends.
/// </summary>
public sealed class KilledDemoTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task DemoKilled_ItsServiceProcessesStopByThemselves()
    {
        var workspace = _scratch.File("space");
        await using var demo = ChildProcess.Dataspace(_scratch, "demo", "--processes", "--keep", workspace);
        var log = Path.Combine(workspace, "services.log");
        var until = DateTimeOffset.UtcNow.AddMinutes(2);
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("broker stdout: broker 88.100.broker listening on", StringComparison.Ordinal))) // its broker runs, and a first connector starts
        {
            Assert.False(demo.HasExited || DateTimeOffset.UtcNow > until, $"the demo's broker never ran:\n{demo.Out}\n{demo.Error}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        var services = ProcessTable.Carrying(workspace).Where(p => p.Id != demo.Id).ToList();
        Assert.True(services.Count >= 1, "the demo runs no service process");
        Assert.All(services, s => Assert.Matches(@"dataspace\.dll (broker|connector) --config ", s.CommandLine));

        demo.KillAlone();

        var left = await ProcessTable.GoneAsync(workspace, TimeSpan.FromSeconds(30));
        Assert.True(left.Count == 0, $"still running 30 s after the demo was killed:\n{string.Join('\n', left)}");
    }
}
