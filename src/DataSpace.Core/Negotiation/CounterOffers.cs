using DataSpace.Core.Policies;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;

namespace DataSpace.Core.Negotiation;

/// <summary>
/// Counter-offers come from the negotiation policy: a refusal that narrower terms inside the offer
/// would cure carries them as <c>counterOffer</c> (policies/README.md, R15). Broker and provider read
/// them from their own decisions, so both propose only what their policy allows.
/// </summary>
public static class CounterOffers
{
    /// <summary>The terms a denying <c>dataspace.negotiation</c> decision proposes instead, or null when it proposes none.</summary>
    /// <param name="decisionRecord">The decision record (docs/formats.md, "Policy decision record").</param>
    public static RequestedTerms? From(JsonObject decisionRecord)
    {
        ArgumentNullException.ThrowIfNull(decisionRecord);
        if (DecisionRecords.Allowed(decisionRecord) || decisionRecord["result"] is not JsonObject result || result["counterOffer"] is not JsonObject counter)
        {
            return null;
        }
        var terms = DomainJson.Read<RequestedTerms>(counter, "the policy's counter-offer");
        return terms.IsSuccess && terms.Value.Purposes is { Count: > 0 } && terms.Value.ValidUntil > terms.Value.ValidFrom ? terms.Value : null;
    }
}
