using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DataSpace.Broker.Tests.Identity;

public sealed class TokenEndpointTests
{
    private static JsonObject Attributes() => new()
    {
        ["name"] = "Provider Co.",
        ["country"] = "CN",
        ["securityProfile"] = 3,
        ["certifications"] = new JsonArray("ISO27001"),
        ["enforces"] = new JsonArray("delete-after", "no-onward-transfer"),
        ["securityAgreement"] = true,
        ["ratio"] = 0.25,
        ["since"] = "2024-01-01T00:00:00Z",
        // Not a known array attribute, one element: only the exact (token-based) subject keeps it an array.
        ["labels"] = new JsonArray("one"),
        ["address"] = new JsonObject { ["city"] = "Wuxi", ["zip"] = 214000 },
        ["iss"] = "https://attacker.example",
        ["exp"] = 99999999999,
    };

    [Fact]
    public async Task Token_GoodAssertion_IsAnEs256AccessTokenWithTheAttributesAsClaims()
    {
        await using var host = await TokenServiceTestHost.StartAsync();
        using var signer = Ed25519Signer.Generate("88.608.8889");
        host.Participants.Register(signer, Attributes());

        using var response = await host.PostTokenAsync(host.Assertion(signer));

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(300, body.RootElement.GetProperty("expires_in").GetInt64());
        var token = new JsonWebToken(await TokenResponses.AccessTokenAsync(response));
        var jwks = await host.Client.GetFromJsonAsync<JsonElement>("/jwks", TestContext.Current.CancellationToken);
        Assert.Equal("ES256", token.Alg);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(jwks.GetProperty("keys")[0].GetProperty("kid").GetString(), token.Kid);
        Assert.Equal("http://localhost", token.Issuer);
        Assert.Equal("88.608.8889", token.Subject);
        Assert.Equal(["dataspace"], token.Audiences);
        Assert.Equal(ManualClock.Start.UtcDateTime, token.IssuedAt);
        Assert.Equal(ManualClock.Start.UtcDateTime, token.ValidFrom);
        Assert.Equal(ManualClock.Start.AddMinutes(5).UtcDateTime, token.ValidTo);
        Assert.False(string.IsNullOrEmpty(token.Id));

        using var payload = JsonDocument.Parse(Base64UrlDecode(token.EncodedPayload));
        var claims = payload.RootElement;
        Assert.Equal("88.608.8889", claims.GetProperty("client_id").GetString());
        Assert.Equal("Provider Co.", claims.GetProperty("name").GetString());
        Assert.Equal(3, claims.GetProperty("securityProfile").GetInt32());
        Assert.Equal(JsonValueKind.Array, claims.GetProperty("certifications").ValueKind);
        Assert.Equal(2, claims.GetProperty("enforces").GetArrayLength());
        Assert.True(claims.GetProperty("securityAgreement").GetBoolean());
        Assert.Equal(0.25, claims.GetProperty("ratio").GetDouble());
        // Attributes named like registered claims never reach the token.
        Assert.Equal("http://localhost", claims.GetProperty("iss").GetString());
        Assert.Equal(ManualClock.Start.AddMinutes(5).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
    }

    [Fact]
    public async Task Token_AcceptedByAddSpaceJwtBearer_GivesTheSubjectWithTypedAttributes()
    {
        await using var host = await TokenServiceTestHost.StartAsync();
        using var signer = Ed25519Signer.Generate("88.608.8889");
        host.Participants.Register(signer, Attributes());
        using var tokens = host.TokenClient(signer);
        using var client = new HttpClient(new DataSpace.Hosting.Tokens.SpaceTokenHandler(tokens, host.App.GetTestServerHandler())) { BaseAddress = new Uri("http://localhost") };

        var subject = await client.GetFromJsonAsync<JsonObject>("/protected", TestContext.Current.CancellationToken);

        var expected = Attributes();
        expected.Remove("iss");
        expected.Remove("exp");
        expected["id"] = "88.608.8889";
        Assert.True(JsonNode.DeepEquals(expected, subject), subject?.ToJsonString());
    }

    [Fact]
    public async Task Token_AudienceIsTheIssuer_IsAlsoAccepted()
    {
        await using var host = await TokenServiceTestHost.StartAsync();
        using var signer = Ed25519Signer.Generate("88.608.8889");
        host.Participants.Register(signer);

        using var response = await host.PostTokenAsync(host.Assertion(signer, c => c["aud"] = new JsonArray("https://elsewhere.example", "http://localhost")));

        await TokenResponses.AccessTokenAsync(response);
    }

    [Fact]
    public async Task Token_MatchingClientIdAndConfiguredLifetimeAndAudience_AreHonoured()
    {
        await using var host = await TokenServiceTestHost.StartAsync(o =>
        {
            o.AccessTokenLifetime = TimeSpan.FromMinutes(2);
            o.Audience = "connectors";
        });
        using var signer = Ed25519Signer.Generate("88.608.8889");
        host.Participants.Register(signer);
        var form = TokenServiceTestHost.Form(host.Assertion(signer));
        form["client_id"] = "88.608.8889";

        using var response = await host.PostTokenAsync(form);

        var token = new JsonWebToken(await TokenResponses.AccessTokenAsync(response));
        Assert.Equal(["connectors"], token.Audiences);
        Assert.Equal(ManualClock.Start.AddMinutes(2).UtcDateTime, token.ValidTo);
    }

    [Fact]
    public async Task Token_NbfInThePast_IsAccepted()
    {
        await using var host = await TokenServiceTestHost.StartAsync();
        using var signer = Ed25519Signer.Generate("88.608.8889");
        host.Participants.Register(signer);

        using var response = await host.PostTokenAsync(host.Assertion(signer, c => c["nbf"] = ManualClock.Start.AddSeconds(-10).ToUnixTimeSeconds()));

        await TokenResponses.AccessTokenAsync(response);
    }

    [Fact]
    public async Task ProtectedEndpoint_NoToken_Is401()
    {
        await using var host = await TokenServiceTestHost.StartAsync();

        using var response = await host.Client.GetAsync("/protected", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    internal static byte[] Base64UrlDecode(string text) =>
        Crypto.Jose.StrictBase64Url.TryDecode(text, out var bytes) ? bytes : throw new FormatException(text);

    internal static HttpRequestMessage Get(string path, string token) =>
        new(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
}
