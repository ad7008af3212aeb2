namespace DataSpace.Cli.Demo.Space;

/// <summary>A running broker or connector of the demo's space; disposing stops it (the broker closes its ledger).</summary>
internal interface IDemoService : IAsyncDisposable
{
    Uri Url { get; }
}
