using DataSpace.Core.Negotiation;

namespace DataSpace.Core.Space;

/// <summary>A FINALIZED agreement, where the ledger recorded it, and the uses made of it so far.</summary>
/// <param name="Agreement">The agreement as granted, without its decision records (checked when it was folded; they stay in its entry at <paramref name="Index"/>).</param>
/// <param name="Index">Index of its <c>contract.agreement</c> entry.</param>
/// <param name="Uses">Transfers under it that are started or completed (a terminated one released nothing and is not a use).</param>
public sealed record AgreementRecord(Agreement Agreement, ulong Index, int Uses = 0)
{
    /// <summary>Uses left; null when the agreement has no limit.</summary>
    public int? UsesLeft => Agreement.Terms.MaxUses is { } max ? Math.Max(0, max - Uses) : null;
}
