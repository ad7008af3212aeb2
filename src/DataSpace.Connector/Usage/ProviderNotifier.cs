using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Connector.Usage;

/// <summary>
/// The consumer's side of the <c>notify_provider</c> duty: signs a <see cref="UsageNotice"/> and
/// posts it to the provider's registered endpoint with this participant's access token. Any failure
/// (provider unknown, no endpoint, unreachable, refusing) is an error: the read is then refused.
/// </summary>
internal sealed class ProviderNotifier(HttpClient http, BrokerClient broker, ParticipantKeys keys)
{
    /// <summary>How long a notification may take before the read is refused.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public async Task<Error?> NotifyAsync(string provider, UsageNotice notice, CancellationToken cancellationToken)
    {
        var registered = await broker.GetParticipantAsync(provider, cancellationToken).ConfigureAwait(false);
        if (!registered.IsSuccess)
        {
            return Unnotified(provider, registered.Error.Message);
        }
        if (EndpointOf(registered.Value.Attributes) is not { } endpoint)
        {
            return Unnotified(provider, "it has registered no connector endpoint");
        }
        var signed = SignedJson.AddSignature(DomainJson.ToNode(notice), keys.Signer);
        try
        {
            using var response = await http.PostAsync(new Uri(endpoint, UsageNotice.Path), JsonContent.Create(signed), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return Unnotified(provider, $"it answered {(int)response.StatusCode}: {Shorten(detail)}");
        }
        catch (Exception e) when (e is HttpRequestException or SpaceTokenException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unnotified(provider, $"it could not be reached: {e.Message}");
        }
    }

    private static Uri? EndpointOf(JsonObject attributes) =>
        attributes[ParticipantAttributes.Endpoint] is JsonValue value && value.TryGetValue<string>(out var text)
        && Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : null;

    private static string Shorten(string text)
    {
        try
        {
            if (JsonNode.Parse(text)?["detail"] is JsonValue detail && detail.TryGetValue<string>(out var message))
            {
                return message;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a problem document: quote its start.
        }
        return text.Length > 300 ? text[..300] : text;
    }

    private static Error Unnotified(string provider, string why) =>
        Error.Unavailable($"The provider {provider} could not be notified of this use ({why}); the notify_provider duty cannot be met, so the data is not released (fail closed).");
}
