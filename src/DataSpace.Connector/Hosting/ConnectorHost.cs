namespace DataSpace.Connector.Hosting;

/// <summary>Builds and runs the connector web application.</summary>
public static class ConnectorHost
{
    /// <summary>Runs the connector until shutdown.</summary>
    public static async Task RunAsync(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).Build();
        await app.RunAsync().ConfigureAwait(false);
    }
}
