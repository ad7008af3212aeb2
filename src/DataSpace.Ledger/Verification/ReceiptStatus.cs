namespace DataSpace.Ledger.Verification;

/// <summary>The outcome of checking a receipt.</summary>
public enum ReceiptStatus
{
    /// <summary>The entry is in the log at the stated index, under a checkpoint the log signed.</summary>
    Verified,

    /// <summary>The receipt is not a well-formed c2sp.org/tlog-proof, or carries no entry to check.</summary>
    Malformed,

    /// <summary>Well formed but false: wrong log key or origin, bad signature, or the proof does not place the entry at the index.</summary>
    Invalid,
}
