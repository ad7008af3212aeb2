using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Cli.Demo.Space;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// What the actions share while the story runs: the scenario, the workspace, the running space, and
/// what earlier actions produced under the names scenario.json gave them (<c>"as"</c>).
/// </summary>
internal sealed class Story(Scenario scenario, DemoWorkspace workspace, StorageMode storage, string policies, ServiceLog log, ISpaceLauncher launcher) : IAsyncDisposable
{
    private CatalogExplainer? _explainer;
    private string? _sealedLedger;

    public Scenario Scenario { get; } = scenario;

    public DemoWorkspace Workspace { get; } = workspace;

    public StorageMode Storage { get; } = storage;

    /// <summary>The policy directory every service and the explainer load.</summary>
    public string Policies { get; } = policies;

    public ServiceLog Log { get; } = log;

    /// <summary>Starts the services: in this process, or each as its own process.</summary>
    public ISpaceLauncher Launcher { get; } = launcher;

    /// <summary>Published offers, by alias.</summary>
    public Dictionary<string, OfferRef> Offers { get; } = [];

    /// <summary>Finalized agreements, by the negotiation's <c>"as"</c>.</summary>
    public Dictionary<string, AgreementRef> Agreements { get; } = [];

    /// <summary>Received data, by the transfer's <c>"as"</c>.</summary>
    public Dictionary<string, TransferRef> Transfers { get; } = [];

    /// <summary>The space, once the broker started.</summary>
    public DemoSpace? Space { get; set; }

    /// <summary>The running space; after the audit sealed the ledger nothing more can happen in it.</summary>
    public DemoSpace Running => Space is { IsRunning: true } space
        ? space
        : throw new InvalidOperationException("the space is not running (it stops when the ledger is sealed for the audit, so audits come last)");

    public CatalogExplainer Explainer => _explainer ??= new CatalogExplainer(Policies);

    /// <summary>
    /// The ledger, complete and at rest, for the auditor: the broker signs a checkpoint of its whole
    /// log, every service stops (the broker closes its ledger), and with Azurite the ledger's blobs
    /// are copied byte for byte into the workspace's <c>ledger/</c>. Done once.
    /// </summary>
    public async Task<string> SealLedgerAsync(CancellationToken cancellationToken)
    {
        if (_sealedLedger is not null)
        {
            return _sealedLedger;
        }
        var space = Running;
        using (var checkpoint = await space.Operator.GetAsync("ledger/checkpoint", cancellationToken))
        {
            checkpoint.EnsureSuccessStatusCode();
        }
        await space.StopAsync();
        if (Storage.IsAzurite)
        {
            await AzuriteLedgerExport.ExportAsync(Storage.ConnectionString!, Storage.LedgerContainer, Path.Combine(Workspace.Broker, "broker.key.json"), Workspace.Ledger, cancellationToken);
        }
        return _sealedLedger = Workspace.Ledger;
    }

    public async ValueTask DisposeAsync()
    {
        if (Space is not null)
        {
            await Space.DisposeAsync();
        }
    }
}
