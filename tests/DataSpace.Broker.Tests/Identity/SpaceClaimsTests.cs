using System.Security.Claims;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Jose;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Broker.Tests.Identity;

public sealed class SpaceClaimsTests
{
    [Fact]
    public void ToPolicySubject_IdentityKeepsTheToken_RestoresEveryJsonTypeExactly()
    {
        var payload = new JsonObject
        {
            ["iss"] = "http://localhost",
            ["sub"] = "88.608.8889",
            ["aud"] = "dataspace",
            ["exp"] = 1,
            ["jti"] = "x",
            ["client_id"] = "88.608.8889",
            ["certifications"] = new JsonArray("ISO27001"),
            ["labels"] = new JsonArray("one"),
            ["level"] = 2,
            ["since"] = "2024-01-01T00:00:00Z",
            ["nested"] = new JsonObject { ["a"] = new JsonArray(1, 2) },
        };
        var token = $"e30.{StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()))}.sig";
        var identity = new ClaimsIdentity([new Claim("sub", "88.608.8889")], "Bearer") { BootstrapContext = token };

        var subject = new ClaimsPrincipal(identity).ToPolicySubject();

        var expected = new JsonObject
        {
            ["certifications"] = new JsonArray("ISO27001"),
            ["labels"] = new JsonArray("one"),
            ["level"] = 2,
            ["since"] = "2024-01-01T00:00:00Z",
            ["nested"] = new JsonObject { ["a"] = new JsonArray(1, 2) },
            ["id"] = "88.608.8889",
        };
        Assert.True(JsonNode.DeepEquals(expected, subject), subject.ToJsonString());
    }

    [Fact]
    public void ToPolicySubject_OnlyClaims_RestoresNumbersBooleansAndArrays()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", "88.608.8889"),
            new Claim("iss", "http://localhost"),
            new Claim("country", "CN"),
            new Claim("securityProfile", "3", ClaimValueTypes.Integer64),
            new Claim("ratio", "0.5", ClaimValueTypes.Double),
            new Claim("securityAgreement", "true", ClaimValueTypes.Boolean),
            new Claim("certifications", "ISO27001"),
            new Claim("enforces", "delete-after"),
            new Claim("enforces", "no-onward-transfer"),
            new Claim("address", """{"city":"Wuxi"}""", "JSON"),
        ], "Bearer");

        var subject = new ClaimsPrincipal(identity).ToPolicySubject();

        var expected = new JsonObject
        {
            ["country"] = "CN",
            ["securityProfile"] = 3,
            ["ratio"] = 0.5,
            ["securityAgreement"] = true,
            ["certifications"] = new JsonArray("ISO27001"),
            ["enforces"] = new JsonArray("delete-after", "no-onward-transfer"),
            ["address"] = new JsonObject { ["city"] = "Wuxi" },
            ["id"] = "88.608.8889",
        };
        Assert.True(JsonNode.DeepEquals(expected, subject), subject.ToJsonString());
    }

    [Fact]
    public void ToPolicySubject_Anonymous_Throws()
    {
        Assert.Null(new ClaimsPrincipal(new ClaimsIdentity()).GetParticipantId());
        Assert.Throws<InvalidOperationException>(() => new ClaimsPrincipal(new ClaimsIdentity()).ToPolicySubject());
    }
}
