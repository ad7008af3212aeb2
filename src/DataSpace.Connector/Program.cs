using DataSpace.Connector.Hosting;

namespace DataSpace.Connector;

/// <summary>The connector's entry point; tests host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public static class Program
{
    /// <summary>Runs the connector with configuration from appsettings, environment variables (<c>Connector__…</c>) and arguments.</summary>
    public static Task Main(string[] args) => ConnectorHost.RunAsync(args);
}
