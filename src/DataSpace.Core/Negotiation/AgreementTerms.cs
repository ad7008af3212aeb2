namespace DataSpace.Core.Negotiation;

/// <summary>The usage policy of an agreement: what the consumer may do with the data, until when, how often.</summary>
/// <param name="Purposes">The granted purposes.</param>
/// <param name="ValidFrom">Start (inclusive).</param>
/// <param name="ValidUntil">End (exclusive).</param>
/// <param name="MaxUses">Most uses (transfers and reads); null for no limit.</param>
/// <param name="Delivery"><c>copy</c> or <c>compute</c>.</param>
/// <param name="NotifyProvider">The consumer notifies the provider of each use.</param>
/// <param name="DeleteBy">The consumer deletes the data by then; null for no such duty.</param>
/// <param name="Destinations">Countries the data may go to; null for no restriction.</param>
public sealed record AgreementTerms(
    IReadOnlyList<string> Purposes,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    string Delivery,
    bool NotifyProvider,
    int? MaxUses = null,
    DateTimeOffset? DeleteBy = null,
    IReadOnlyList<string>? Destinations = null);
