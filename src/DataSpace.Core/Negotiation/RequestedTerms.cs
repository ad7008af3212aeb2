namespace DataSpace.Core.Negotiation;

/// <summary>What a consumer asks for in a contract request; must lie inside the offer's terms.</summary>
/// <param name="Purposes">The purposes it wants the data for.</param>
/// <param name="ValidFrom">Start of the contract (inclusive).</param>
/// <param name="ValidUntil">End of the contract (exclusive).</param>
/// <param name="MaxUses">The uses it asks for; null to take the offer's limit.</param>
/// <param name="DeleteBy">When it will delete the data; null for no deletion duty.</param>
public sealed record RequestedTerms(IReadOnlyList<string> Purposes, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, int? MaxUses = null, DateTimeOffset? DeleteBy = null)
{
    /// <summary>
    /// Whether these terms grant no more than <paramref name="asked"/>: only purposes asked for, a
    /// validity inside the one asked for, no more uses, the same deletion duty. A consumer may take
    /// such a counter-offer without asking its user again.
    /// </summary>
    public bool IsWithin(RequestedTerms asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        return Purposes.Count > 0 && Purposes.All(asked.Purposes.Contains)
            && ValidFrom >= asked.ValidFrom && ValidUntil <= asked.ValidUntil
            && (asked.MaxUses is null || MaxUses <= asked.MaxUses)
            && DeleteBy == asked.DeleteBy;
    }

    /// <summary>Whether these are exactly <paramref name="other"/> (same purposes in the same order, same instants).</summary>
    public bool SameAs(RequestedTerms other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Purposes.SequenceEqual(other.Purposes) && ValidFrom == other.ValidFrom && ValidUntil == other.ValidUntil && MaxUses == other.MaxUses && DeleteBy == other.DeleteBy;
    }
}
