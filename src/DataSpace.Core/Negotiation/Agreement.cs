using System.Text.Json;
using System.Text.Json.Serialization;
using DataSpace.Core.Json;
using DataSpace.Core.Catalog;

namespace DataSpace.Core.Negotiation;

/// <summary>
/// A contract agreement: the body of a <c>contract.agreement</c> entry, signed by the provider
/// (AGREED), countersigned by the consumer (VERIFIED) and by the broker as it records it
/// (FINALIZED). It carries the label and both policy decisions it rests on, so the ledger alone
/// shows why it was granted. The label and the decisions are kept as read (immutable elements, not
/// node trees): every finalized agreement stays in the ledger's state, and a decision record is a
/// few hundred JSON values.
/// </summary>
/// <param name="AgreementId">The agreement id.</param>
/// <param name="NegotiationId">The negotiation it closes.</param>
/// <param name="OfferId">The offer it was negotiated from.</param>
/// <param name="AssetId">The asset.</param>
/// <param name="Provider">The provider's participant id.</param>
/// <param name="Consumer">The consumer's participant id.</param>
/// <param name="Label">The asset's label at the time of agreement.</param>
/// <param name="Terms">The usage policy granted.</param>
/// <param name="Purpose">The purpose declared in the request.</param>
/// <param name="Destination">The destination declared in the request.</param>
/// <param name="Decisions">The decision records (broker's, then provider's) that allowed it.</param>
/// <param name="AgreedAt">When the provider agreed.</param>
public sealed record Agreement(
    string AgreementId,
    string NegotiationId,
    string OfferId,
    string AssetId,
    string Provider,
    string Consumer,
    [property: JsonConverter(typeof(ObjectElementConverter))] JsonElement Label,
    AgreementTerms Terms,
    string Purpose,
    string Destination,
    IReadOnlyList<JsonElement> Decisions,
    DateTimeOffset AgreedAt)
{
    /// <summary>The entry type of a finalized agreement.</summary>
    public const string EntryType = "contract.agreement";

    /// <summary>The terms a provider grants for <paramref name="request"/> under <paramref name="offer"/>: what was asked, capped by the offer.</summary>
    public static AgreementTerms Grant(Offer offer, ContractRequest request) => new(
        request.Terms.Purposes,
        request.Terms.ValidFrom,
        request.Terms.ValidUntil,
        request.Delivery,
        offer.Terms.NotifyProvider,
        request.Terms.MaxUses ?? offer.Terms.MaxUses,
        request.Terms.DeleteBy,
        offer.Terms.Destinations);
}
