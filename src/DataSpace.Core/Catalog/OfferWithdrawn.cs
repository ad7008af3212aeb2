namespace DataSpace.Core.Catalog;

/// <summary>The body of an <c>offer.withdrawn</c> entry, signed by the provider: no new negotiation may use the offer.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="Time">When.</param>
public sealed record OfferWithdrawn(string OfferId, DateTimeOffset Time)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "offer.withdrawn";
}
