using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// Forwards negotiation messages to the provider's connector and brings back its answer: the
/// callback is signed by the broker, the answer must be signed by the provider. Any failure —
/// no endpoint, no answer in time, a bad signature — is an error the caller turns into a
/// termination: no answer, no contract.
/// </summary>
internal sealed class ProviderClient(IHttpClientFactory clients, BrokerLedger ledger)
{
    public const string HttpClientName = "DataSpace.Broker.ProviderCallbacks";

    public async Task<Result<NegotiationAnswer>> SendAsync(Participant provider, NegotiationCallback callback, CancellationToken cancellationToken)
    {
        if (provider.Endpoint is not { } endpoint)
        {
            return Error.Unavailable($"{provider.Id} registered no connector endpoint to answer negotiations.");
        }
        var signed = SignedJson.AddSignature(DomainJson.ToNode(callback), ledger.Keys.Signer);
        JsonObject? answer;
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .PostAsJsonAsync(new Uri(new Uri(endpoint.TrimEnd('/') + "/"), NegotiationCallback.Path), signed, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return Error.Unavailable($"{provider.Id}'s connector answered {(int)response.StatusCode}: {Shorten(detail)}");
            }
            answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return Error.Unavailable($"{provider.Id}'s connector did not answer: {e.Message}");
        }
        byte[]? content = null;
        if (answer is null || !Ed25519PublicKey.TryParse(provider.VerifierKey, out var key, out _)
            || !SignedJson.Verify(answer, new VerifierKeyRing([key!]), [key!.KeyId], out content).IsValid)
        {
            return Error.Forbidden($"{provider.Id}'s answer is not signed by its registered key.");
        }
        var read = DomainJson.Read<NegotiationAnswer>(content, "the provider's answer");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        return read.Value.NegotiationId == callback.NegotiationId ? read : Error.Invalid($"{provider.Id} answered for another negotiation.");
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
