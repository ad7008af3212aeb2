using DataSpace.Core.Api;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Negotiation;

namespace DataSpace.Broker.Negotiation;

/// <summary>Finds an ended negotiation in the ledger: its agreement (FINALIZED) or its termination.</summary>
internal static class NegotiationLookup
{
    public static async Task<NegotiationView?> EndedAsync(BrokerLedger ledger, string negotiationId, CancellationToken cancellationToken)
    {
        if (ledger.State.FindAgreement(NegotiationIds.Agreement(negotiationId)) is { } agreed)
        {
            var entry = await ledger.Log.ReadEntryAsync(agreed.Index, cancellationToken).ConfigureAwait(false);
            return NegotiationViews.Finalized(agreed, entry.ToElement());
        }
        return ledger.State.FindTermination(negotiationId) is { } ended ? NegotiationViews.Terminated(ended.Termination, ended.Index) : null;
    }
}
