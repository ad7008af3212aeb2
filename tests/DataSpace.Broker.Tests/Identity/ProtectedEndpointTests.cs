using System.Net;
using System.Security.Cryptography;
using DataSpace.Crypto.Signatures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Broker.Tests.Identity;

/// <summary>What <c>AddSpaceJwtBearer</c> refuses: expired tokens, other audiences, other keys, other token types.</summary>
public sealed class ProtectedEndpointTests : IAsyncLifetime
{
    private readonly Ed25519Signer _provider = Ed25519Signer.Generate("88.608.8889");
    private TokenServiceTestHost _host = null!;
    private string _token = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync();
        _host.Participants.Register(_provider);
        using var response = await _host.PostTokenAsync(_host.Assertion(_provider));
        _token = await TokenResponses.AccessTokenAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _provider.Dispose();
    }

    private async Task<HttpStatusCode> GetAsync(string path, string token)
    {
        using var request = TokenEndpointTests.Get(path, token);
        using var response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task FreshToken_IsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/protected", _token));

    [Fact]
    public async Task TokenJustPastExpiryWithinSkew_IsAccepted()
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/protected", _token));
    }

    [Fact]
    public async Task ExpiredToken_IsRefused()
    {
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/protected", _token));
        _host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/protected", _token));
    }

    [Fact]
    public async Task TokenForAnotherAudience_IsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/protected-other", _token));

    [Fact]
    public async Task TokenSignedByAnotherKeyWithTheBrokersKid_IsRefused()
    {
        var genuine = new JsonWebToken(_token);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = Forge(genuine, new SigningCredentials(new ECDsaSecurityKey(forger) { KeyId = genuine.Kid }, SecurityAlgorithms.EcdsaSha256), "at+jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/protected", forged));
    }

    [Fact]
    public async Task TamperedClaims_AreRefused()
    {
        var parts = _token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(TokenEndpointTests.Base64UrlDecode(parts[1])).Replace("88.608.8889", "88.123.4567", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Crypto.Jose.StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/protected", tampered));
    }

    [Fact]
    public async Task TokenOfAnotherType_IsRefused()
    {
        // Signed by the broker's own key, but typ JWT rather than at+jwt (say, some other JWT it signs).
        var key = (Broker.Identity.BrokerSigningKey)_host.App.Services.GetService(typeof(Broker.Identity.BrokerSigningKey))!;
        var forged = Forge(new JsonWebToken(_token), key.Credentials, "JWT");

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/protected", forged));
    }

    [Fact]
    public async Task TokenFromAnotherIssuer_IsRefused()
    {
        // The broker's own key, but an issuer that is not the broker's.
        var key = (Broker.Identity.BrokerSigningKey)_host.App.Services.GetService(typeof(Broker.Identity.BrokerSigningKey))!;
        var forged = Forge(new JsonWebToken(_token), key.Credentials, "at+jwt", issuer: "https://evil.example");

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/protected", forged));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/protected", Forge(new JsonWebToken(_token), key.Credentials, "at+jwt")));
    }

    private static string Forge(JsonWebToken genuine, SigningCredentials credentials, string type, string? issuer = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = type,
            Issuer = issuer ?? genuine.Issuer,
            Audience = genuine.Audiences.Single(),
            IssuedAt = genuine.IssuedAt,
            NotBefore = genuine.ValidFrom,
            Expires = genuine.ValidTo,
            Claims = new Dictionary<string, object> { ["sub"] = genuine.Subject, ["jti"] = genuine.Id },
            SigningCredentials = credentials,
        });
}
