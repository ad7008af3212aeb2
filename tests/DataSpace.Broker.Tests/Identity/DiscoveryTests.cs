using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Broker.Tests.Identity;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Discovery_DefaultIssuer_AnnouncesTheTokenServiceAtTheRequestBaseUrl()
    {
        await using var host = await TokenServiceTestHost.StartAsync();

        var doc = await host.Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", TestContext.Current.CancellationToken);

        Assert.Equal("http://localhost", doc.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/jwks", doc.GetProperty("jwks_uri").GetString());
        Assert.Equal("http://localhost/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal(["client_credentials"], Strings(doc, "grant_types_supported"));
        Assert.Equal(["private_key_jwt"], Strings(doc, "token_endpoint_auth_methods_supported"));
        Assert.Equal(["EdDSA"], Strings(doc, "token_endpoint_auth_signing_alg_values_supported"));
        Assert.Equal(["ES256"], Strings(doc, "id_token_signing_alg_values_supported"));
    }

    [Fact]
    public async Task Discovery_ConfiguredIssuer_IsUsedWhateverTheHost()
    {
        await using var host = await TokenServiceTestHost.StartAsync(o => o.Issuer = "https://broker.example/space");

        var doc = await host.Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", TestContext.Current.CancellationToken);

        Assert.Equal("https://broker.example/space", doc.GetProperty("issuer").GetString());
        Assert.Equal("https://broker.example/space/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal("https://broker.example/space/jwks", doc.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task Jwks_HoldsOnePublicEs256KeyNamedByItsRfc7638Thumbprint()
    {
        await using var host = await TokenServiceTestHost.StartAsync();

        var jwks = await host.Client.GetFromJsonAsync<JsonElement>("/jwks", TestContext.Current.CancellationToken);

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the JWKS must not publish the private key");
        // Cross-check the thumbprint with Microsoft.IdentityModel's own RFC 7638 implementation.
        var expected = Base64UrlEncoder.Encode(new JsonWebKey(key.GetRawText()).ComputeJwkThumbprint());
        Assert.Equal(expected, key.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Discovery_JwtBearerConfigurationRetriever_ReadsIt()
    {
        await using var host = await TokenServiceTestHost.StartAsync();
        var retriever = new Microsoft.IdentityModel.Protocols.HttpDocumentRetriever(host.Client) { RequireHttps = false };

        var config = await Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfigurationRetriever.GetAsync(
            "http://localhost/.well-known/openid-configuration", retriever, TestContext.Current.CancellationToken);

        Assert.Equal("http://localhost", config.Issuer);
        Assert.Single(config.SigningKeys);
    }

    private static string[] Strings(JsonElement doc, string name) =>
        [.. doc.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
