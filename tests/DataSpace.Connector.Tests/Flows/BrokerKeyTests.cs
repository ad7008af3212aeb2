using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Core.Negotiation.Protocol;

namespace DataSpace.Connector.Tests.Flows;

/// <summary>
/// A connector learns the broker's key from the broker on first use. Until it has, it answers
/// nothing the broker signed, and says why learning failed, so its operator can act on it.
/// </summary>
public sealed class BrokerKeyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Callback_KeyNotLearnableWhileSuspended_503NamingTheBrokersAnswer()
    {
        await using var space = await TestSpace.TestSpace.StartAsync(cancellationToken: Token);
        var provider = await space.AddAsync("88.608.1001", TestSpace.TestSpace.Enterprise("Steel", sector: "C31"), cancellationToken: Token);
        (await space.Operator.PostAsJsonAsync($"participants/{provider.Id}/status", new { status = "suspended", reason = "audit pending" }, Token)).EnsureSuccessStatusCode();
        using var http = new HttpClient { BaseAddress = provider.Connector!.Url };

        var response = await http.PostAsync(NegotiationCallback.Path,
            new StringContent("""{"message":"Terminate","negotiationId":"n-1","sentAt":"2026-11-28T00:00:00Z"}""", Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(Token))!["detail"];
        Assert.StartsWith("The broker's key is not known yet, and learning it from the broker failed: ", detail, StringComparison.Ordinal);
        Assert.Contains("suspended", detail, StringComparison.OrdinalIgnoreCase);
    }
}
