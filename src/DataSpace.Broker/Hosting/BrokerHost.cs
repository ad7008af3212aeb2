using DataSpace.Broker.Agreements;
using DataSpace.Broker.Catalog;
using DataSpace.Broker.Common;
using DataSpace.Broker.Identity;
using DataSpace.Broker.Ledger;
using DataSpace.Broker.Negotiation;
using DataSpace.Broker.Registry;
using DataSpace.Hosting;
using DataSpace.Hosting.Health;
using DataSpace.Hosting.Mediation;
using DataSpace.Hosting.Policies;
using DataSpace.Hosting.Security;
using DataSpace.Hosting.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace DataSpace.Broker.Hosting;

/// <summary>
/// Builds the broker: reads and checks the configuration, opens the ledger (rebuilding the state
/// from it), loads the policies, and maps every feature's endpoints.
/// </summary>
public static class BrokerHost
{
    /// <summary>Runs the broker until shutdown.</summary>
    public static async Task RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var app = await BuildAsync(ServiceBuilder.Create(args), cancellationToken).ConfigureAwait(false);
        await app.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Builds the broker on <paramref name="builder"/>.</summary>
    /// <exception cref="BrokerConfigurationException">The configuration is unusable; the message says why.</exception>
    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var options = ReadOptions(builder.Configuration);
        Directory.CreateDirectory(options.DataDirectory);
        var keys = BrokerKeys.LoadOrCreate(options.DataDirectory, options.ParticipantId);
        builder.AddDataSpaceServiceDefaults("Broker");
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddDataSpacePolicy(options.Policy, out var bundle);
        services.AddSingleton(new OperatorCredential(BearerSecret.LoadOrCreate(Path.Combine(options.DataDirectory, OperatorCredential.FileName), options.OperatorToken)));
        services.AddMediator((Mediator.MediatorOptions mediator) =>
        {
            mediator.Namespace = "DataSpace.Broker.Mediation";
            mediator.ServiceLifetime = ServiceLifetime.Singleton;
            mediator.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddSingleton<IParticipantDirectory, ParticipantDirectory>();
        var issuer = Issuer(options, builder.Configuration);
        services.AddTokenService(tokens =>
        {
            tokens.KeyDirectory = options.DataDirectory;
            tokens.Issuer = issuer;
            tokens.Audience = options.Audience;
            tokens.RateLimitPermits = options.TokenRequestsPerMinute;
            tokens.RateLimitWindow = TimeSpan.FromMinutes(1);
        });
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddSpaceJwtBearer(issuer, options.Audience, jwt =>
        {
            jwt.LocalSigningKey = sp => sp.GetRequiredService<BrokerSigningKey>().Credentials.Key;
            jwt.LocalIssuer = issuer;
        });
        services.AddAuthorization();
        services.AddNegotiation(options);

        // The ledger opens before the app starts: its state is what every endpoint serves.
        var ledger = await BrokerLedger.OpenAsync(options, keys, PolicyGate.RecordOf(bundle), cancellationToken).ConfigureAwait(false);
        // A factory registration: the container then owns the ledger and disposes it (releasing its lock) at shutdown.
        services.AddSingleton(_ => ledger);

        services.AddHealthChecks().AddCheck<LedgerHealthCheck>("ledger").AddCheck<PolicyHealthCheck>("policy");

        var app = builder.Build();
        app.UseDataSpaceServiceDefaults();
        app.MapDataSpaceDefaultEndpoints();
        app.MapTokenService();
        app.MapRegistry();
        app.MapCatalog();
        app.MapNegotiation();
        app.MapLedgerApi();
        app.MapCosignatures();
        app.MapAgreements();
        return app;
    }

    /// <summary>The token issuer: the configured public URL, else the first URL the broker listens on.</summary>
    private static string Issuer(BrokerOptions options, IConfiguration configuration)
    {
        var first = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return (options.PublicUrl ?? first ?? "http://localhost").TrimEnd('/');
    }

    private static BrokerOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection("Broker").Get<BrokerOptions>() ?? new BrokerOptions();
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new BrokerConfigurationException(problems);
    }
}
