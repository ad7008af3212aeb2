using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Results;

namespace DataSpace.Connector.Common;

/// <summary>
/// A refusal from a peer service (the broker, a provider connector) as the connector's own error:
/// the peer's problem detail kept, its status mapped back to an error kind (the inverse of the
/// Hosting status mapping), anything unexpected treated as unavailable — fail closed.
/// </summary>
internal static class PeerRefusals
{
    public static async Task<Error> ReadAsync(HttpResponseMessage response, string peer, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var message = $"The {peer} refused: {(text.Length > 0 ? Detail(text) : response.ReasonPhrase)}";
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => Error.Invalid(message),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Error.Forbidden(message),
            HttpStatusCode.NotFound => Error.NotFound(message),
            HttpStatusCode.Conflict => Error.Conflict(message),
            _ => Error.Unavailable(message),
        };
    }

    private static string Detail(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["detail"]?.GetValue<string>() ?? text;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return text.Length > 300 ? text[..300] : text;
        }
    }
}
