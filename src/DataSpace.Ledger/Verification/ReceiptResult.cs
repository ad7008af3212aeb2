using DataSpace.Ledger.Proofs;

namespace DataSpace.Ledger.Verification;

/// <summary>A receipt, or why none could be made.</summary>
/// <param name="Proof">The receipt; null when refused.</param>
/// <param name="Error">Why no receipt was made; null on success.</param>
public sealed record ReceiptResult(TlogProof? Proof, string? Error)
{
    /// <summary>True when a receipt was made.</summary>
    public bool IsCreated => Proof is not null;
}
