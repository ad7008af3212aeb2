using DataSpace.EndToEnd.Tests.Support;
using DataSpace.Testing;

namespace DataSpace.EndToEnd.Tests.Demo;

/// <summary>
/// <c>dataspace demo --azurite --processes --keep DIR</c> run once as a child process — the demo's
/// broker and three connectors each a <c>dataspace broker|connector --config FILE</c> process of its
/// own, the ledger and every store in Azurite — then <c>dataspace audit DIR/ledger</c> (the ledger the
/// demo exported from Azurite), for the tests that read what they printed and left.
/// </summary>
public sealed class ProcessDemoRun : IAsyncLifetime
{
    private readonly Scratch _scratch = new();

    internal string Workspace => _scratch.File("space");

    internal ChildResult Demo { get; private set; } = null!;

    internal DemoTranscript Transcript { get; private set; } = null!;

    /// <summary>Processes of this run still there the moment the demo ended.</summary>
    internal IReadOnlyList<RunningProcess> LeftRunning { get; private set; } = [];

    internal ChildResult Audit { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _ = Azurite.ConnectionString; // fails with how to start Azurite when it is missing
        await using var demo = ChildProcess.Dataspace(_scratch, "demo", "--azurite", "--processes", "--keep", Workspace);
        Demo = await demo.WaitAsync(TimeSpan.FromMinutes(4));
        LeftRunning = ProcessTable.Carrying(_scratch.Path);
        Transcript = DemoTranscript.Parse(Demo.Out);
        await using var audit = ChildProcess.Dataspace(_scratch, "audit", Path.Combine(Workspace, "ledger"));
        Audit = await audit.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        return ValueTask.CompletedTask;
    }
}
