using DataSpace.Broker.Ledger;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Http;
using DataSpace.Hosting.Problems;

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
        if (!Ed25519PublicKey.TryParse(provider.VerifierKey, out var key, out _))
        {
            return Error.Forbidden($"{provider.Id}'s registered verifier key does not parse.");
        }
        using var message = JsonBytesContent.Create(SignedRecords.Write(callback, ledger.Keys.Signer));
        byte[] body;
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .PostAsync(new Uri(new Uri(endpoint.TrimEnd('/') + "/"), NegotiationCallback.Path), message, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return Error.Unavailable($"{provider.Id}'s connector answered {(int)response.StatusCode}: {Shorten(detail)}");
            }
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Error.Unavailable($"{provider.Id}'s connector did not answer: {e.Message}");
        }
        var answer = StrictJsonBody.Parse(body, $"{provider.Id}'s answer");
        if (!answer.IsSuccess)
        {
            return Error.Unavailable($"{provider.Id}'s connector did not answer with JSON: {answer.Error.Message}");
        }
        var read = SignedRecords.Read<NegotiationAnswer>(answer.Value, key!, "the provider's answer",
            _ => Error.Forbidden($"{provider.Id}'s answer is not signed by its registered key."));
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        return read.Value.NegotiationId == callback.NegotiationId ? read : Error.Invalid($"{provider.Id} answered for another negotiation.");
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
