using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Core.Api;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Negotiation;

/// <summary>
/// The consumer's last steps of every negotiation, whether the provider agreed to the request or to
/// an accepted counter-offer: check the agreement grants exactly what was asked, countersign it, send
/// the verification, keep the agreement once the broker recorded it FINALIZED, and forget a
/// counter-offer the negotiation may have waited on.
/// </summary>
internal sealed class AgreementCompletion(BrokerClient broker, AgreementStore agreements, OfferedNegotiations offered, ParticipantKeys keys)
{
    /// <summary>Carries <paramref name="view"/> to its end: an AGREED negotiation is verified; a FINALIZED one kept; any other returned as it is.</summary>
    /// <param name="view">The broker's answer to the last message.</param>
    /// <param name="request">The consumer's request.</param>
    /// <param name="asked">The terms the agreement must grant: the request's, or the counter-offer accepted.</param>
    /// <param name="cancellationToken">Cancels the remaining steps.</param>
    public async Task<Result<NegotiationView>> CompleteAsync(Result<NegotiationView> view, ContractRequest request, RequestedTerms asked, CancellationToken cancellationToken)
    {
        if (view.IsSuccess && view.Value.State == "AGREED")
        {
            var countersigned = await CountersignAsync(view.Value, request, asked, cancellationToken).ConfigureAwait(false);
            if (!countersigned.IsSuccess)
            {
                return countersigned.Error;
            }
            view = await broker.VerifyAgreementAsync(view.Value.NegotiationId, countersigned.Value, cancellationToken).ConfigureAwait(false);
        }
        if (view.IsSuccess && view.Value is { State: "FINALIZED", Agreement: { } entry, LedgerIndex: { } index })
        {
            await agreements.SaveAsync(new StoredAgreement(NegotiationIds.Agreement(view.Value.NegotiationId), index, JsonObject.Create(entry)!), cancellationToken).ConfigureAwait(false);
        }
        if (view.IsSuccess && view.Value.State is "FINALIZED" or "TERMINATED")
        {
            // A counter-offer answered to its end waits no more.
            offered.Forget(view.Value.NegotiationId);
        }
        return view;
    }

    /// <summary>The consumer signs only what it asked for, agreed by the provider's registered key.</summary>
    private async Task<Result<LedgerEntry>> CountersignAsync(NegotiationView view, ContractRequest request, RequestedTerms asked, CancellationToken cancellationToken)
    {
        if (!LedgerEntry.TryRead(view.Agreement ?? default, out var entry).IsAccepted || entry!.Type != Agreement.EntryType)
        {
            return Error.Unavailable("The broker returned an AGREED negotiation without an agreement entry.");
        }
        var agreement = DomainJson.Read<Agreement>(entry.Body, "the agreement");
        if (!agreement.IsSuccess)
        {
            return agreement.Error;
        }
        var a = agreement.Value;
        var same = a.Consumer == keys.ParticipantId && a.OfferId == request.OfferId && a.Purpose == request.Purpose && a.Destination == request.Destination
            && a.Terms.Delivery == request.Delivery && a.Terms.ValidFrom == asked.ValidFrom && a.Terms.ValidUntil == asked.ValidUntil
            && a.Terms.Purposes.SequenceEqual(asked.Purposes) && a.Terms.DeleteBy == asked.DeleteBy
            && (asked.MaxUses is null || a.Terms.MaxUses == asked.MaxUses);
        if (!same)
        {
            return Error.Conflict("The provider's agreement does not grant what this consumer asked for; it was not countersigned.");
        }
        var provider = await broker.GetParticipantAsync(a.Provider, cancellationToken).ConfigureAwait(false);
        if (!provider.IsSuccess || !Ed25519PublicKey.TryParse(provider.Value.VerifierKey, out var key, out _) || !entry.IsSignedBy(key!))
        {
            return Error.Forbidden($"The agreement is not signed by {a.Provider}'s registered key; it was not countersigned.");
        }
        return entry.Countersign(keys.Signer);
    }
}
