using DataSpace.Broker.Hosting;

namespace DataSpace.Broker;

/// <summary>The broker's entry point; tests host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public static class Program
{
    /// <summary>Runs the broker with configuration from appsettings, environment variables (<c>Broker__…</c>) and arguments.</summary>
    public static Task Main(string[] args) => BrokerHost.RunAsync(args);
}
