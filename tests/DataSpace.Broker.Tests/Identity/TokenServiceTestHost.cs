using System.Security.Claims;
using System.Text.Json.Nodes;
using DataSpace.Broker.Identity;
using DataSpace.Broker.Registry;
using DataSpace.Crypto.Jose;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataSpace.Broker.Tests.Identity;

/// <summary>
/// The token service and two protected endpoints on one test server: <c>/protected</c> accepts
/// audience <c>dataspace</c>, <c>/protected-other</c> audience <c>other</c>. Both validate tokens
/// through <see cref="SpaceJwtBearerExtensions"/> with the test server as backchannel, as a
/// connector would against the real broker.
/// </summary>
internal sealed class TokenServiceTestHost : IAsyncDisposable
{
    public const string BrokerUrl = "http://localhost";
    public const string TokenEndpoint = BrokerUrl + "/token";

    private readonly bool _ownsDirectory;

    private TokenServiceTestHost(WebApplication app, ManualClock clock, InMemoryParticipantDirectory participants, string keyDirectory, bool ownsDirectory)
    {
        App = app;
        Clock = clock;
        Participants = participants;
        KeyDirectory = keyDirectory;
        _ownsDirectory = ownsDirectory;
        Client = app.GetTestServer().CreateClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ManualClock Clock { get; }

    public InMemoryParticipantDirectory Participants { get; }

    public string KeyDirectory { get; }

    public static async Task<TokenServiceTestHost> StartAsync(Action<TokenServiceOptions>? configure = null, string? keyDirectory = null, ManualClock? clock = null)
    {
        var ownsDirectory = keyDirectory is null;
        keyDirectory ??= Path.Combine(Path.GetTempPath(), $"dataspace-token-{Guid.NewGuid():N}");
        clock ??= new ManualClock();
        var participants = new InMemoryParticipantDirectory();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IParticipantDirectory>(participants);
        builder.Services.AddTokenService(options =>
        {
            options.KeyDirectory = keyDirectory;
            configure?.Invoke(options);
        });
        WebApplication? app = null;
        void Backchannel(SpaceJwtBearerOptions options) => options.BackchannelHandler = app!.GetTestServer().CreateHandler();
        builder.Services.AddSpaceJwtBearer(BrokerUrl, "dataspace", Backchannel);
        builder.Services.AddAuthentication().AddSpaceJwtBearer("other", BrokerUrl, "other", Backchannel);

        app = builder.Build();
        app.MapTokenService();
        app.MapGet("/protected", (ClaimsPrincipal user) => TypedResults.Ok(user.ToPolicySubject())).RequireAuthorization();
        app.MapGet("/protected-other", (ClaimsPrincipal user) => TypedResults.Ok(user.ToPolicySubject()))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "other" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TokenServiceTestHost(app, clock, participants, keyDirectory, ownsDirectory);
    }

    /// <summary>A client assertion as a participant would sign it, before <paramref name="edit"/> changes its claims.</summary>
    public string Assertion(Ed25519Signer signer, Action<JsonObject>? edit = null, string? keyId = null)
    {
        var now = Clock.GetUtcNow();
        var claims = new JsonObject
        {
            ["iss"] = signer.Name,
            ["sub"] = signer.Name,
            ["aud"] = TokenEndpoint,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddSeconds(60).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        edit?.Invoke(claims);
        return EdDsaJws.CreateJwt(signer, claims, keyId);
    }

    /// <summary>Posts a token request with these form fields.</summary>
    public Task<HttpResponseMessage> PostTokenAsync(IDictionary<string, string> form) =>
        Client.PostAsync("/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

    /// <summary>Posts a well-formed token request carrying <paramref name="assertion"/>.</summary>
    public Task<HttpResponseMessage> PostTokenAsync(string assertion) => PostTokenAsync(Form(assertion));

    public static Dictionary<string, string> Form(string assertion) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion,
    };

    /// <summary>A token client for <paramref name="signer"/> talking to this server.</summary>
    public SpaceTokenClient TokenClient(Ed25519Signer signer, HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? App.GetTestServer().CreateHandler()), new Uri(BrokerUrl), signer.Name, signer, Clock);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (_ownsDirectory && Directory.Exists(KeyDirectory))
        {
            Directory.Delete(KeyDirectory, recursive: true);
        }
    }
}
