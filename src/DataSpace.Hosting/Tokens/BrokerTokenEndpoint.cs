using System.Net.Http.Json;
using System.Text.Json;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// The two calls a participant makes to the broker's token service: read the discovery document
/// for the token endpoint (RFC 8414 §3), and exchange a client assertion for an access token
/// (RFC 6749 §4.4 with RFC 7523 §2.2).
/// </summary>
internal static class BrokerTokenEndpoint
{
    private const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>The token endpoint the broker announces.</summary>
    public static async Task<string> DiscoverAsync(HttpClient http, Uri brokerUrl, CancellationToken cancellationToken)
    {
        var discovery = new Uri(brokerUrl, ".well-known/openid-configuration");
        using var document = await GetJsonAsync(http, discovery, cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("token_endpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String
            && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out _)
            ? endpoint.GetString()!
            : throw new SpaceTokenException($"The broker's discovery document at {discovery} names no token_endpoint URL.");
    }

    /// <summary>Posts the assertion; the access token and its lifetime, or the broker's refusal as an exception.</summary>
    public static async Task<(string AccessToken, TimeSpan Lifetime)> RequestAsync(HttpClient http, string tokenEndpoint, string participantId, string assertion, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = participantId,
            ["client_assertion_type"] = ClientAssertionType,
            ["client_assertion"] = assertion,
        });
        using var response = await Send(() => http.PostAsync(tokenEndpoint, form, cancellationToken), tokenEndpoint).ConfigureAwait(false);
        using var body = await ReadJsonAsync(response, tokenEndpoint, cancellationToken).ConfigureAwait(false);
        var root = body.RootElement;
        if (!response.IsSuccessStatusCode)
        {
            var error = Text(root, "error");
            throw new SpaceTokenException(
                $"The broker refused a token for {participantId}: {error ?? "no error code"}: {Text(root, "error_description") ?? $"HTTP {(int)response.StatusCode}"}",
                error,
                (int)response.StatusCode);
        }
        if (Text(root, "access_token") is not { } token
            || !string.Equals(Text(root, "token_type"), "Bearer", StringComparison.OrdinalIgnoreCase)
            || !root.TryGetProperty("expires_in", out var expiresIn) || !expiresIn.TryGetInt64(out var seconds) || seconds <= 0)
        {
            throw new SpaceTokenException($"The broker's token response from {tokenEndpoint} lacks access_token, a Bearer token_type or a positive expires_in.");
        }
        return (token, TimeSpan.FromSeconds(seconds));
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var response = await Send(() => http.GetAsync(url, cancellationToken), url.ToString()).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SpaceTokenException($"The broker answered HTTP {(int)response.StatusCode} for {url}.", statusCode: (int)response.StatusCode);
        }
        return await ReadJsonAsync(response, url.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> send, string url)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SpaceTokenException($"The broker at {url} cannot be reached: {e.Message}", innerException: e);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        try
        {
            var document = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken).ConfigureAwait(false);
            return document is { RootElement.ValueKind: JsonValueKind.Object }
                ? document
                : throw new SpaceTokenException($"The broker's answer from {url} is not a JSON object.", statusCode: (int)response.StatusCode);
        }
        catch (JsonException e)
        {
            throw new SpaceTokenException($"The broker's answer from {url} is not JSON (HTTP {(int)response.StatusCode}).", statusCode: (int)response.StatusCode, innerException: e);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
