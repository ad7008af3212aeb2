using DataSpace.Core.Policies;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Json;
using DataSpace.Ledger.Entries;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// What the broker checks in the agreement a provider signed before showing it to the consumer:
/// it is for this negotiation, these parties, this offer and label, exactly the expected terms,
/// and it carries the broker's own decision first and the provider's allowing decision second.
/// </summary>
internal static class AgreementCheck
{
    public static Result<Agreement> Check(OpenNegotiation n, LedgerEntry entry)
    {
        if (entry.Type != Agreement.EntryType)
        {
            return Error.Invalid($"The provider answered ContractAgreement with a {entry.Type} entry.");
        }
        var read = entry.ReadBody<Agreement>("the provider's agreement");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var a = read.Value;
        var problem =
            a.NegotiationId != n.Id || a.AgreementId != NegotiationIds.Agreement(n.Id) ? "it names another negotiation or agreement id"
            : a.OfferId != n.Offer.Id || a.AssetId != n.Offer.AssetId || a.Provider != n.Offer.Provider || a.Consumer != n.Request.Consumer ? "its offer, asset or parties differ from the request"
            : !Same(a.Label, n.Offer.Label) ? "its label differs from the offer's"
            : a.Purpose != n.Request.Purpose || a.Destination != n.Request.Destination ? "its purpose or destination differs from the request"
            : !SameTerms(a.Terms, n.ExpectedTerms!) ? "its terms differ from those requested or accepted"
            : !DecisionRecords.Allowed(n.BrokerDecision!.Element) ? "the broker's own policy does not allow these terms"
            : a.Decisions.Count != 2 || !n.BrokerDecision.SameAs(a.Decisions[0]) ? "it does not carry the broker's decision followed by the provider's"
            : !DecisionRecords.Allowed(a.Decisions[1]) ? "the provider's own decision does not allow it"
            : null;
        return problem is null ? a : Error.Invalid($"The provider's agreement is refused: {problem}.");
    }

    private static bool Same(JsonElement a, JsonNode b) => CanonicalJson.Serialize(a).AsSpan().SequenceEqual(CanonicalJson.Serialize(b));

    /// <summary>
    /// Terms are records of one type, written by one serializer: the same values give the same bytes
    /// and different values different bytes, which canonicalising both would not change.
    /// </summary>
    private static bool SameTerms(AgreementTerms a, AgreementTerms b) =>
        JsonSerializer.SerializeToUtf8Bytes(a, DomainJson.Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b, DomainJson.Options));
}
