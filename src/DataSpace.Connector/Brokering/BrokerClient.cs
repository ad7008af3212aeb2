using DataSpace.Connector.Common;
using DataSpace.Hosting.Http;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Api;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Hosting.Tokens;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Brokering;

/// <summary>
/// The connector's calls to the broker, each authenticated with the participant's access token.
/// Every failure is a result: a broker refusal keeps its status and detail, an unreachable broker
/// is <see cref="ErrorKind.Unavailable"/> — and the connector then fails closed.
/// </summary>
internal sealed class BrokerClient(HttpClient http)
{
    public const string HttpClientName = "DataSpace.Connector.Broker";

    public Task<Result<OfferView>> PublishOfferAsync(LedgerEntry entry, CancellationToken ct) => SendAsync<OfferView>(HttpMethod.Post, "offers", EntryContent(entry), ct);

    public Task<Result<CatalogPage>> BrowseAsync(string? cursor, int limit, CancellationToken ct) =>
        SendAsync<CatalogPage>(HttpMethod.Get, $"catalog?limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"), null, ct);

    public Task<Result<NegotiationView>> RequestContractAsync(LedgerEntry request, CancellationToken ct) => SendAsync<NegotiationView>(HttpMethod.Post, "negotiations", EntryContent(request), ct);

    public Task<Result<NegotiationView>> VerifyAgreementAsync(string negotiationId, LedgerEntry agreement, CancellationToken ct) =>
        SendAsync<NegotiationView>(HttpMethod.Post, $"negotiations/{Uri.EscapeDataString(negotiationId)}/verification", EntryContent(agreement), ct);

    public Task<Result<NegotiationView>> AcceptOfferAsync(string negotiationId, LedgerEntry acceptance, CancellationToken ct) =>
        SendAsync<NegotiationView>(HttpMethod.Post, $"negotiations/{Uri.EscapeDataString(negotiationId)}/acceptance", EntryContent(acceptance), ct);

    public Task<Result<NegotiationView>> TerminateNegotiationAsync(string negotiationId, LedgerEntry termination, CancellationToken ct) =>
        SendAsync<NegotiationView>(HttpMethod.Post, $"negotiations/{Uri.EscapeDataString(negotiationId)}/termination", EntryContent(termination), ct);

    public Task<Result<NegotiationView>> GetNegotiationAsync(string negotiationId, CancellationToken ct) =>
        SendAsync<NegotiationView>(HttpMethod.Get, $"negotiations/{Uri.EscapeDataString(negotiationId)}", null, ct);

    public Task<Result<AgreementView>> GetAgreementAsync(string agreementId, CancellationToken ct) =>
        SendAsync<AgreementView>(HttpMethod.Get, $"agreements/{Uri.EscapeDataString(agreementId)}", null, ct);

    public Task<Result<ParticipantView>> GetParticipantAsync(string participantId, CancellationToken ct) =>
        SendAsync<ParticipantView>(HttpMethod.Get, $"participants/{Uri.EscapeDataString(participantId)}", null, ct);

    public Task<Result<RecordedEntry>> RecordAsync(LedgerEntry entry, CancellationToken ct) => SendAsync<RecordedEntry>(HttpMethod.Post, "ledger/entries", EntryContent(entry), ct);

    public Task<Result<string>> CheckpointAsync(CancellationToken ct) => SendTextAsync("ledger/checkpoint", ct);

    public Task<Result<ProofView>> InclusionProofAsync(ulong index, ulong size, CancellationToken ct) =>
        SendAsync<ProofView>(HttpMethod.Get, $"ledger/proofs/inclusion?index={index}&size={size}", null, ct);

    public Task<Result<ProofView>> ConsistencyProofAsync(ulong from, ulong to, CancellationToken ct) =>
        SendAsync<ProofView>(HttpMethod.Get, $"ledger/proofs/consistency?from={from}&to={to}", null, ct);

    /// <summary>An entry is sent as its canonical bytes, which are JSON already.</summary>
    private static ReadOnlyMemoryContent EntryContent(LedgerEntry entry) => JsonBytesContent.Create(entry.Bytes);

    private async Task<Result<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
        where T : class
    {
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await PeerRefusals.ReadAsync(response, "broker", ct).ConfigureAwait(false);
            }
            var value = await response.Content.ReadFromJsonAsync<T>(DomainJson.Options, ct).ConfigureAwait(false);
            return value is null ? Error.Unavailable($"The broker answered {path} with an empty body.") : value;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or SpaceTokenException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return Error.Unavailable($"The broker could not be reached or answered badly ({path}): {e.Message}");
        }
    }

    private async Task<Result<string>> SendTextAsync(string path, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(path, ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)
                : await PeerRefusals.ReadAsync(response, "broker", ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or SpaceTokenException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return Error.Unavailable($"The broker could not be reached ({path}): {e.Message}");
        }
    }
}
