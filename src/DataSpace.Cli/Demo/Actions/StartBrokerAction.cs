using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Cli.Demo.Space;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>Starts the broker: registry and token service, catalog, negotiation and the signed ledger.</summary>
internal sealed class StartBrokerAction() : DemoAction(null, Expectation.Allow)
{
    public override string Describe(Story story) => "start the broker: registry, token service, catalog, contract ledger";

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        story.Space = await DemoSpace.StartAsync(story.Workspace, story.Storage, story.Policies, story.Launcher, cancellationToken);
        var ledger = story.Storage.IsAzurite ? $"Azurite container {story.Storage.LedgerContainer}" : story.Workspace.Ledger;
        return Outcome.Allow($"listening on {story.Space.Broker.Url}; ledger {ledger}; policies {story.Policies} (embedded Rego)");
    }
}
