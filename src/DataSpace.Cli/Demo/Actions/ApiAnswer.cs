using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>An answer of a service's API: the status and the JSON body (a resource, or an RFC 9457 problem).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Json">The body, when it is JSON.</param>
/// <param name="Text">The body as text.</param>
internal sealed record ApiAnswer(HttpStatusCode Status, JsonNode? Json, string Text)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>What a problem says: its detail, else its title, else the body.</summary>
    public string Problem => (Json as JsonObject)?["detail"]?.GetValue<string>() ?? (Json as JsonObject)?["title"]?.GetValue<string>() ?? (Text.Length > 0 ? Text : Status.ToString());

    /// <summary>The problem as an outcome: 403 (and 410 Gone) are refusals, anything else failed.</summary>
    public Scenarios.Outcome Refusal() => Status is HttpStatusCode.Forbidden or HttpStatusCode.Gone
        ? Scenarios.Outcome.Deny(Problem)
        : Scenarios.Outcome.Error($"{(int)Status} {Status}: {Problem}");

    public static async Task<ApiAnswer> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        try
        {
            json = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
            // Not JSON: the text says it.
        }
        return new ApiAnswer(response.StatusCode, json, text);
    }
}
