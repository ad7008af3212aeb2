using DataSpace.Core.Catalog;
using DataSpace.Core.Space;

namespace DataSpace.Core.Api;

/// <summary>An offer as the catalog API shows it, with where the ledger recorded it.</summary>
/// <param name="Offer">The offer.</param>
/// <param name="Index">Index of its <c>offer.published</c> entry.</param>
/// <param name="Withdrawn">True once withdrawn.</param>
public sealed record OfferView(Offer Offer, ulong Index, bool Withdrawn)
{
    /// <summary>The view of a record.</summary>
    public static OfferView Of(OfferRecord record) => new(record.Offer, record.Index, record.Withdrawn);
}

/// <summary>One page of the catalog.</summary>
/// <param name="Items">The offers on this page.</param>
/// <param name="Next">The cursor of the next page, or null on the last.</param>
public sealed record CatalogPage(IReadOnlyList<OfferView> Items, string? Next = null);
