namespace DataSpace.Core.Catalog;

/// <summary>
/// The usage policy a provider offers an asset under (DESIGN §5, "Publish"): for which purposes,
/// in which interval, how many uses, delivered how and where, and to whom.
/// </summary>
/// <param name="Purposes">The purposes the data may be used for.</param>
/// <param name="ValidFrom">Start of the offer's validity (inclusive).</param>
/// <param name="ValidUntil">End of the offer's validity (exclusive).</param>
/// <param name="MaxUses">Most uses a contract may grant; null for no limit.</param>
/// <param name="Delivery">How the data may be delivered: <c>copy</c> and/or <c>compute</c>.</param>
/// <param name="Public">Visible to every participant (never for important or core data).</param>
/// <param name="Audience">Participant ids that may see a non-public offer.</param>
/// <param name="NotifyProvider">The consumer must notify the provider of each use.</param>
/// <param name="Destinations">Countries the data may go to; null for no restriction beyond the rules.</param>
public sealed record OfferTerms(
    IReadOnlyList<string> Purposes,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    IReadOnlyList<string> Delivery,
    bool Public,
    IReadOnlyList<string> Audience,
    bool NotifyProvider,
    int? MaxUses = null,
    IReadOnlyList<string>? Destinations = null);
