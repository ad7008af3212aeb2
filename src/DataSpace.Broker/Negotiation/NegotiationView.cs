using System.Text.Json.Nodes;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Space;

namespace DataSpace.Broker.Negotiation;

/// <summary>A negotiation as the API shows it to its parties.</summary>
/// <param name="NegotiationId">The id (derived from the consumer's request id).</param>
/// <param name="State">The DSP state: REQUESTED, OFFERED, ACCEPTED, AGREED, VERIFIED, FINALIZED or TERMINATED.</param>
/// <param name="OfferId">The offer.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Consumer">The consumer.</param>
/// <param name="Reasons">Why it was terminated, when it was.</param>
/// <param name="CounterTerms">The provider's counter-offer, when OFFERED.</param>
/// <param name="Agreement">The agreement entry (AGREED: provider-signed, for the consumer to countersign; FINALIZED: as recorded).</param>
/// <param name="LedgerIndex">The index of the agreement or termination entry, once recorded.</param>
public sealed record NegotiationView(
    string NegotiationId,
    string State,
    string OfferId,
    string Provider,
    string Consumer,
    IReadOnlyList<string> Reasons,
    RequestedTerms? CounterTerms,
    JsonObject? Agreement,
    ulong? LedgerIndex)
{
    internal static NegotiationView Of(OpenNegotiation n) => new(
        n.Id, Name(n.State ?? NegotiationState.Requested), n.Offer.Id, n.Offer.Provider, n.Request.Consumer, n.Reasons, n.CounterTerms,
        n.AgreementEntry?.ToJson(), n.LedgerIndex);

    internal static NegotiationView Finalized(AgreementRecord record, JsonObject entry) => new(
        record.Agreement.NegotiationId, Name(NegotiationState.Finalized), record.Agreement.OfferId, record.Agreement.Provider, record.Agreement.Consumer,
        [], null, entry, record.Index);

    internal static NegotiationView Terminated(NegotiationTerminated ended, ulong index) => new(
        ended.NegotiationId, Name(NegotiationState.Terminated), ended.OfferId, ended.Provider, ended.Consumer, ended.Reasons, null, null, index);

    private static string Name(NegotiationState state) => state.ToString().ToUpperInvariant();
}
