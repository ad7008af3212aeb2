using DataSpace.Connector.Brokering;
using DataSpace.Core.Api;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Negotiation;

/// <summary>
/// Sends one of this consumer's contract requests — the first, or new terms answering a
/// counter-offer — and carries the answer on: AGREED to FINALIZED; OFFERED kept for the caller's
/// answer, or accepted at once when that was asked for and the counter-offer grants no more than
/// the request.
/// </summary>
internal sealed class ContractRequests(BrokerClient broker, AgreementCompletion completion, OfferedNegotiations offered, CounterOfferAcceptance acceptance, ParticipantKeys keys)
{
    public async Task<Result<NegotiationView>> SendAsync(ContractRequest request, bool acceptNarrowerTerms, CancellationToken cancellationToken)
    {
        if (request.Validate() is { } invalid)
        {
            return invalid;
        }
        var entry = LedgerEntry.FromRecord(ContractRequest.EntryType, request, [keys.Signer]);
        var view = await broker.RequestContractAsync(entry, cancellationToken).ConfigureAwait(false);
        if (view.IsSuccess && view.Value is { State: "OFFERED", CounterTerms: { } counter })
        {
            var pending = new OfferedNegotiation(view.Value.NegotiationId, view.Value.Provider, request, counter);
            await offered.SaveAsync(pending, cancellationToken).ConfigureAwait(false);
            return acceptNarrowerTerms && counter.IsWithin(request.Terms)
                ? await acceptance.AcceptAsync(pending, counter, cancellationToken).ConfigureAwait(false)
                : view;
        }
        return await completion.CompleteAsync(view, request, request.Terms, cancellationToken).ConfigureAwait(false);
    }
}
