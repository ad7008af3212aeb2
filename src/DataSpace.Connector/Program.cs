using DataSpace.Connector.Hosting;

await ConnectorHost.RunAsync(args).ConfigureAwait(false);

/// <summary>The connector's entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
