using System.Text.Json.Nodes;
using DataSpace.Core.Api;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Space;

namespace DataSpace.Broker.Negotiation;

/// <summary>Builds the API view of a negotiation, open or ended.</summary>
internal static class NegotiationViews
{
    public static NegotiationView Of(OpenNegotiation n) => new(
        n.Id, Name(n.State ?? NegotiationState.Requested), n.Offer.Id, n.Offer.Provider, n.Request.Consumer, n.Reasons, n.CounterTerms,
        n.AgreementEntry?.ToElement(), n.LedgerIndex);

    public static NegotiationView Finalized(AgreementRecord record, System.Text.Json.JsonElement entry) => new(
        record.Agreement.NegotiationId, Name(NegotiationState.Finalized), record.Agreement.OfferId, record.Agreement.Provider, record.Agreement.Consumer,
        [], null, entry, record.Index);

    public static NegotiationView Terminated(NegotiationTerminated ended, ulong index) => new(
        ended.NegotiationId, Name(NegotiationState.Terminated), ended.OfferId, ended.Provider, ended.Consumer, ended.Reasons, null, null, index);

    private static string Name(NegotiationState state) => state.ToString().ToUpperInvariant();
}
