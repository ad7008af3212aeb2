using DataSpace.Hosting;
using System.Net.Http.Headers;
using DataSpace.Connector.Hosting;
using DataSpace.Connector.Usage;
using DataSpace.Crypto.Keys;
using DataSpace.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>
/// One connector built by <see cref="ConnectorHost"/> itself, on a TestServer, with usage control
/// added (as ConnectorHost will once the lead adds it) and only its outside world faked: the test
/// clock, and outgoing HTTP (broker, other connectors, the JwtBearer backchannel) on a <see cref="TestNetwork"/>.
/// </summary>
internal sealed class UsageNode : IAsyncDisposable
{
    public const string ApiToken = "local-api-token-for-tests";

    private readonly string _directory;

    private UsageNode(WebApplication app, ParticipantKeys keys, string host, string directory)
    {
        App = app;
        Keys = keys;
        Host = host;
        _directory = directory;
        DataDirectory = Path.Combine(directory, "data");
        Client = app.GetTestClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
    }

    public WebApplication App { get; }

    /// <summary>The local API, with the local credential.</summary>
    public HttpClient Client { get; }

    /// <summary>The participant's keys (the same the host loaded from its key file).</summary>
    public ParticipantKeys Keys { get; }

    public string Host { get; }

    public string Endpoint => $"http://{Host}/";

    public string DataDirectory { get; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A client calling this connector with a space access token instead of the local credential.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<UsageNode> StartAsync(string participantId, string host, TestNetwork network, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var keys = ParticipantKeys.Generate(participantId, clock);
        var directory = Path.Combine(Path.GetTempPath(), $"dataspace-usage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var keyFile = Path.Combine(directory, "participant.key");
        await File.WriteAllBytesAsync(keyFile, KeyFile.Serialize(keys), TestContext.Current.CancellationToken);

        var builder = ServiceBuilder.Create([], "Production");
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connector:DataDirectory"] = Path.Combine(directory, "data"),
            ["Connector:KeyFile"] = keyFile,
            ["Connector:BrokerUrl"] = FakeBroker.Url,
            ["Connector:ApiToken"] = ApiToken,
            ["Connector:Policy:Path"] = Path.Combine(RepositoryPaths.RepositoryRoot, "policies"),
            ["Connector:DeletionSweepInterval"] = "01:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Host.UseServiceProviderFactory(new LastWordServiceProviderFactory(services =>
        {
            services.AddSingleton(clock);
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(network.Handler));
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.BackchannelHttpHandler = network.Handler());
            // Until ConnectorHost wires them (each feature hands the lead its lines): the mediator
            // resolves every handler at once, so a feature not wired breaks every command.
            if (!services.Any(d => d.ServiceType == typeof(Transfers.ReceivingJournal)))
            {
                Transfers.TransferServices.AddTransfers(services);
            }
            services.AddUsageControl();
        }));
        var app = await ConnectorHost.BuildAsync(builder, TestContext.Current.CancellationToken);
        if (!IsMapped(app, "/received/{transferId}/content"))
        {
            app.MapReceivedData();
        }
        if (!IsMapped(app, "/" + UsageNotice.Path))
        {
            app.MapUsageNotices();
        }
        await app.StartAsync(TestContext.Current.CancellationToken);
        network.Add(host, app.GetTestServer().CreateHandler());
        return new UsageNode(app, keys, host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Keys.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background job; the temp folder is cleaned up eventually.
        }
    }

    private static bool IsMapped(IEndpointRouteBuilder app, string pattern) =>
        app.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText == pattern);
}
