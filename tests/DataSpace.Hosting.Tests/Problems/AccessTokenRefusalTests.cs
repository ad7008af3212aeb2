using System.Net.Http.Headers;
using System.Security.Cryptography;
using DataSpace.Hosting.Tests.Support;
using DataSpace.Hosting.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DataSpace.Hosting.Tests.Problems;

/// <summary>
/// A refused access token is a 401 problem whose detail says why: no token, another credential,
/// expired, for another service, from another issuer, altered, not an access token. Checked
/// through the middleware the services run, with tokens made by a local ES256 key.
/// </summary>
public sealed class AccessTokenRefusalTests : IDisposable
{
    private const string Issuer = "http://127.0.0.1:5080";
    private readonly ECDsa _brokerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _brokerKey.Dispose();
        _otherKey.Dispose();
    }

    /// <summary>A protected endpoint whose tokens are checked with the broker key here, or as <paramref name="configure"/> says.</summary>
    private Task<TestApp> StartAsync(Action<SpaceJwtBearerOptions>? configure = null) => TestApp.StartAsync(
        app => app.MapGet("/protected", () => "ok").RequireAuthorization(),
        builder => builder.Services.AddSpaceJwtBearer(Issuer, "dataspace", configure ?? (o =>
        {
            o.LocalSigningKey = _ => new ECDsaSecurityKey(_brokerKey) { KeyId = "broker-1" };
            o.LocalIssuer = Issuer;
        })));

    private string Token(Action<SecurityTokenDescriptor>? edit = null, ECDsa? key = null, string keyId = "broker-1")
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = SpaceTokenClaims.AccessTokenType,
            Issuer = Issuer,
            Audience = "dataspace",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "88.608.2002" },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key ?? _brokerKey) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        };
        edit?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static async Task<string> RefusalAsync(TestApp app, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/protected");
        request.Headers.Authorization = authorization;
        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (await ProblemAssert.IsProblemAsync(response, 401)).Detail();
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    [Fact]
    public async Task AValidToken_IsAccepted()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/protected") { Headers = { Authorization = Bearer(Token()) } };

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task NoToken_SaysWhereToGetOne()
    {
        await using var app = await StartAsync();

        Assert.Contains("needs a space access token", await RefusalAsync(app, null), StringComparison.Ordinal);
        Assert.Contains("POST /token", await RefusalAsync(app, new AuthenticationHeaderValue("Basic", "Zm9vOmJhcg==")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCredential_IsNotAJwtAccessToken()
    {
        await using var app = await StartAsync();

        Assert.Contains("not a JWT access token", await RefusalAsync(app, Bearer("c2VjcmV0LW9wZXJhdG9yLWNyZWRlbnRpYWw")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredToken_SaysWhenItExpired()
    {
        await using var app = await StartAsync();
        var expired = Token(d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2), new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)));

        Assert.Contains("expired at 2026-01-02T03:04:05Z", await RefusalAsync(app, Bearer(expired)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenForAnotherService_NamesItsAudience()
    {
        await using var app = await StartAsync();

        Assert.Contains("for another service (aud 'billing')", await RefusalAsync(app, Bearer(Token(d => d.Audience = "billing"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenFromAnotherIssuer_NamesTheIssuer()
    {
        await using var app = await StartAsync();

        Assert.Contains("issued by 'https://evil.example'", await RefusalAsync(app, Bearer(Token(d => d.Issuer = "https://evil.example"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenSignedByAnotherKey_DoesNotVerify()
    {
        await using var app = await StartAsync();

        Assert.Contains("signature does not verify", await RefusalAsync(app, Bearer(Token(key: _otherKey))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenOfAnotherType_IsNotAnAccessToken()
    {
        await using var app = await StartAsync();

        Assert.Contains("its typ is 'JWT'", await RefusalAsync(app, Bearer(Token(d => d.TokenType = "JWT"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokerKeysOutOfReach_SaysTheTokenCouldNotBeChecked()
    {
        await using var app = await StartAsync(o => o.BackchannelHandler = new Unreachable());

        Assert.Contains("signing keys (its JWKS) could not be fetched", await RefusalAsync(app, Bearer(Token())), StringComparison.Ordinal);
    }

    /// <summary>The broker's metadata endpoint, down.</summary>
    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (127.0.0.1:5080)");
    }
}
