using DataSpace.Broker.Ledger;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Http;
using DataSpace.Hosting.Problems;
using DataSpace.Ledger.Entries;
using System.Collections.Concurrent;
using System.Text.Json;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// Forwards negotiation messages to the provider's connector and brings back its answer: the
/// callback is signed by the broker, the answer is the provider's — signed by it, or, for an
/// agreement or a termination, carrying an entry signed by it (<see cref="NegotiationAnswer.IsProvedByEntry"/>).
/// Any failure — no endpoint, no answer in time, a bad signature, an entry that is not one — is an
/// error the caller turns into a termination: no answer, no contract.
/// </summary>
internal sealed class ProviderClient(IHttpClientFactory clients, BrokerLedger ledger)
{
    public const string HttpClientName = "DataSpace.Broker.ProviderCallbacks";

    // One callback address per registered endpoint, made once rather than parsed twice per callback.
    private readonly ConcurrentDictionary<string, Uri> _callbackUris = new(StringComparer.Ordinal);

    public async Task<Result<ProviderAnswer>> SendAsync(Participant provider, NegotiationCallback callback, CancellationToken cancellationToken)
    {
        if (provider.Endpoint is not { } endpoint)
        {
            return Error.Unavailable($"{provider.Id} registered no connector endpoint to answer negotiations.");
        }
        // The registry holds the key parsed once, at registration.
        if (ledger.Log.Participants.FindById(provider.Id)?.Key is not { } key)
        {
            return Error.Forbidden($"{provider.Id} has no registered verifier key.");
        }
        using var message = JsonBytesContent.Create(SignedRecords.Write(callback, ledger.Keys.Signer));
        byte[] body;
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .PostAsync(_callbackUris.GetOrAdd(endpoint, CallbackUri), message, cancellationToken).ConfigureAwait(false);
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
        return Read(provider.Id, key, answer.Value, callback.NegotiationId);
    }

    private static Uri CallbackUri(string endpoint) => new(new Uri(endpoint.TrimEnd('/') + "/"), NegotiationCallback.Path);

    /// <summary>The answer if it is <paramref name="providerId"/>'s, for this negotiation, with the entry it carries read.</summary>
    private static Result<ProviderAnswer> Read(string providerId, Ed25519PublicKey key, JsonElement json, string negotiationId)
    {
        var unsigned = Error.Forbidden($"{providerId}'s answer is not signed by its registered key.");
        var signed = json.ValueKind == JsonValueKind.Object && json.TryGetProperty(SignedJson.SignaturesMember, out _);
        var read = signed
            ? SignedRecords.Read<NegotiationAnswer>(json, key, "the provider's answer", _ => unsigned)
            : DomainJson.Read<NegotiationAnswer>(json, "the provider's answer");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var answer = read.Value;
        if (answer.NegotiationId != negotiationId)
        {
            return Error.Invalid($"{providerId} answered for another negotiation.");
        }
        if (answer.Entry is not { } entryJson)
        {
            return signed ? new ProviderAnswer(answer, null) : unsigned;
        }
        var verdict = LedgerEntry.TryRead(entryJson, out var entry);
        if (!verdict.IsAccepted)
        {
            return Error.Invalid($"The provider's {answer.Message} does not carry a signed entry: {verdict.Reason}.");
        }
        // Verified here once; the steps' own checks of the provider's signature reuse the result.
        return signed || (NegotiationAnswer.IsProvedByEntry(answer.Message) && entry!.IsSignedBy(key))
            ? new ProviderAnswer(answer, entry)
            : unsigned;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
