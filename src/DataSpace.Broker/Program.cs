using DataSpace.Broker.Hosting;

await BrokerHost.RunAsync(args).ConfigureAwait(false);

/// <summary>The broker's entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
