using DataSpace.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// A broker or connector running in this process on a loopback port, built by the service's own
/// host (<c>BrokerHost.BuildAsync</c>, <c>ConnectorHost.BuildAsync</c>) from in-memory configuration;
/// its logs go to the <see cref="ServiceLog"/>. Disposing stops it.
/// </summary>
internal sealed class InProcessService : IDemoService
{
    private bool _stopped;

    private InProcessService(WebApplication app, Uri url)
    {
        App = app;
        Url = url;
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    public static async Task<InProcessService> StartAsync(
        string name,
        Uri url,
        IReadOnlyDictionary<string, string> settings,
        Func<WebApplicationBuilder, CancellationToken, Task<WebApplication>> build,
        ServiceLog log,
        CancellationToken cancellationToken)
    {
        var builder = ServiceBuilder.Create([], Environments.Production);
        builder.WebHost.UseUrls(url.ToString());
        builder.Configuration.AddInMemoryCollection(settings!);
        builder.Configuration["urls"] = url.ToString();
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ServiceLogProvider(log, name));
        var app = await build(builder, cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new InProcessService(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
