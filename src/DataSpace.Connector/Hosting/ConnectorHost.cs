using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Crypto.Keys;
using DataSpace.Connector.Answering;
using DataSpace.Connector.Assets;
using DataSpace.Connector.Negotiation;
using DataSpace.Connector.Offers;
using DataSpace.Connector.Transfers;
using DataSpace.Connector.Usage;
using DataSpace.Hosting;
using DataSpace.Hosting.Health;
using DataSpace.Hosting.Mediation;
using DataSpace.Hosting.Policies;
using DataSpace.Hosting.Security;
using DataSpace.Hosting.Tokens;
using DataSpace.Storage.Configuration;

namespace DataSpace.Connector.Hosting;

/// <summary>
/// Builds a connector: reads and checks the configuration (every problem at once), loads the
/// participant key and the policies, opens the asset and received-data stores, and maps every
/// feature's endpoints.
/// </summary>
public static class ConnectorHost
{
    /// <summary>Runs the connector until shutdown.</summary>
    public static async Task RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var app = await BuildAsync(ServiceBuilder.Create(args), cancellationToken).ConfigureAwait(false);
        await app.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Builds the connector on <paramref name="builder"/>.</summary>
    /// <exception cref="ConnectorConfigurationException">The configuration is unusable; the message says why.</exception>
    public static Task<WebApplication> BuildAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var options = ReadOptions(builder.Configuration);
        Directory.CreateDirectory(options.DataDirectory);
        var keys = LoadKeys(options.KeyFile);
        builder.AddDataSpaceServiceDefaults("Connector");
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(keys);
        services.AddSingleton(TimeProvider.System);
        services.AddDataSpacePolicy(options.Policy, out _);
        services.AddSingleton(new LocalApiCredential(BearerSecret.LoadOrCreate(Path.Combine(options.DataDirectory, LocalApiCredential.FileName), options.ApiToken)));
        services.AddSingleton<BrokerTrust>();
        services.AddSingleton<BundleRecorder>();
        services.AddSingleton<OwnAgreementSignatures>();
        services.AddSingleton<AgreementStore>();
        services.AddSingleton<OfferedNegotiations>();
        services.AddSingleton<AgreementCompletion>();
        services.AddSingleton<CounterOfferAcceptance>();
        services.AddSingleton<ContractRequests>();
        services.AddSingleton<DataSpace.Connector.Received.ReceivedIndex>();
        services.AddTransfers();
        services.AddUsageControl();
        services.AddSingleton(new ConnectorStores(BlobStoreFactory.Create(options.Assets), BlobStoreFactory.Create(options.Received)));
        services.AddMediator((Mediator.MediatorOptions mediator) =>
        {
            mediator.Namespace = "DataSpace.Connector.Mediation";
            mediator.ServiceLifetime = ServiceLifetime.Singleton;
            mediator.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });

        var brokerUrl = new Uri(options.BrokerUrl.TrimEnd('/') + "/");
        services.AddHttpClient("DataSpace.Connector.Tokens");
        services.AddSingleton(sp => new SpaceTokenClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("DataSpace.Connector.Tokens"), brokerUrl, keys));
        services.AddHttpClient<BrokerClient>(http => http.BaseAddress = brokerUrl).AddSpaceTokenHandler();
        services.AddAuthentication().AddSpaceJwtBearer(options.BrokerUrl, options.Audience, jwt => jwt.AllowHttpMetadata = brokerUrl.Scheme == "http");
        services.AddAuthorization();

        services.AddHealthChecks().AddCheck<PolicyHealthCheck>("policy");

        var app = builder.Build();
        app.UseDataSpaceServiceDefaults();
        app.MapDataSpaceDefaultEndpoints();
        app.MapAssets(options.MaxAssetBytes);
        app.MapOffers();
        app.MapAnswering();
        app.MapConsumerNegotiation();
        app.MapTransfers();
        app.MapReceivedData();
        app.MapUsageNotices();
        return Task.FromResult(app);
    }

    private static ConnectorOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection("Connector").Get<ConnectorOptions>() ?? new ConnectorOptions();
        options.ApplyDefaults();
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new ConnectorConfigurationException(problems);
    }

    private static ParticipantKeys LoadKeys(string path)
    {
        try
        {
            return KeyFile.Parse(File.ReadAllBytes(path), () => Environment.GetEnvironmentVariable("DATASPACE_KEY_PASSPHRASE"));
        }
        catch (Exception e) when (e is KeyFileException or IOException)
        {
            throw new ConnectorConfigurationException([$"Connector:KeyFile {path}: {e.Message}"]);
        }
    }
}
