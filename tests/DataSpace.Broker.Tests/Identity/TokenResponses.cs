using System.Net;
using System.Text.Json;

namespace DataSpace.Broker.Tests.Identity;

/// <summary>Assertions on token endpoint answers.</summary>
internal static class TokenResponses
{
    public static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Checks an RFC 6749 §5.2 error: status, code, and a description containing <paramref name="because"/>.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string error, string because)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(body);
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.Contains(because, json.RootElement.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, json.RootElement.EnumerateObject().Count());
    }

    public static Task AssertInvalidClientAsync(HttpResponseMessage response, string because) =>
        AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "invalid_client", because);
}
