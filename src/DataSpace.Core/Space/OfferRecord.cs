using DataSpace.Core.Catalog;

namespace DataSpace.Core.Space;

/// <summary>An offer in the catalog and where the ledger recorded it.</summary>
/// <param name="Offer">The offer.</param>
/// <param name="Index">Index of its <c>offer.published</c> entry.</param>
/// <param name="Withdrawn">True once the provider withdrew it.</param>
public sealed record OfferRecord(Offer Offer, ulong Index, bool Withdrawn = false);
