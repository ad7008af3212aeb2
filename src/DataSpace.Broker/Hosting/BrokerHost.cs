namespace DataSpace.Broker.Hosting;

/// <summary>Builds and runs the broker web application.</summary>
public static class BrokerHost
{
    /// <summary>Runs the broker until shutdown.</summary>
    public static async Task RunAsync(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).Build();
        await app.RunAsync().ConfigureAwait(false);
    }
}
