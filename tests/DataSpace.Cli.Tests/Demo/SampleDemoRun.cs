namespace DataSpace.Cli.Tests.Demo;

/// <summary>
/// <c>dataspace demo --keep DIR</c> on the repository's own samples/, run once (in-process, output
/// captured, so plain text) for the tests that read its output and its kept workspace.
/// </summary>
public sealed class SampleDemoRun : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    internal CliRun Run { get; private set; } = null!;

    /// <summary>The kept workspace.</summary>
    public string Workspace => _temp.File("space");

    public async ValueTask InitializeAsync() => Run = await CliRun.RunAsync("demo", "--keep", Workspace);

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
