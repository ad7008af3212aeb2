using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Verification;

/// <summary>What checking a receipt found.</summary>
/// <param name="Status">Verified, malformed or invalid.</param>
/// <param name="Reason">Why it did not verify; null when verified.</param>
/// <param name="Index">The entry's index, as the receipt states it.</param>
/// <param name="Size">The size of the checkpoint the receipt proves against.</param>
/// <param name="Entry">The entry the receipt proves, when its bytes are an entry.</param>
public sealed record ReceiptCheck(ReceiptStatus Status, string? Reason, ulong Index, ulong Size, LedgerEntry? Entry)
{
    /// <summary>True when verified.</summary>
    public bool IsVerified => Status == ReceiptStatus.Verified;
}
