using System.Net;
using System.Text.Json.Nodes;

namespace DataSpace.Connector.Tests.Usage;

internal static class Problems
{
    /// <summary>Asserts the answer is an RFC 9457 problem with <paramref name="status"/>, and returns it.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string Detail(this JsonObject problem) => (string?)problem["detail"] ?? string.Empty;
}
