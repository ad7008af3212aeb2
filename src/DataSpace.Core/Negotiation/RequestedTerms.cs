namespace DataSpace.Core.Negotiation;

/// <summary>What a consumer asks for in a contract request; must lie inside the offer's terms.</summary>
/// <param name="Purposes">The purposes it wants the data for.</param>
/// <param name="ValidFrom">Start of the contract (inclusive).</param>
/// <param name="ValidUntil">End of the contract (exclusive).</param>
/// <param name="MaxUses">The uses it asks for; null to take the offer's limit.</param>
/// <param name="DeleteBy">When it will delete the data; null for no deletion duty.</param>
public sealed record RequestedTerms(IReadOnlyList<string> Purposes, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, int? MaxUses = null, DateTimeOffset? DeleteBy = null);
