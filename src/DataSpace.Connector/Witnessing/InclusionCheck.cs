using DataSpace.Core.Api;
using DataSpace.Core.Results;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Connector.Witnessing;

/// <summary>
/// Checks that an entry is leaf <c>index</c> of the tree a witnessed checkpoint commits to
/// (RFC 9162 §2.1.3.2): the leaf is the entry's canonical bytes, exactly as the log appended them.
/// </summary>
internal static class InclusionCheck
{
    public static Error? Verify(LedgerEntry entry, ulong index, Checkpoint checkpoint, ProofView proof)
    {
        if (proof.Index != index || proof.Size != checkpoint.Size)
        {
            return Error.Unavailable($"The broker answered an inclusion proof for ({proof.Index}, {proof.Size}) when ({index}, {checkpoint.Size}) was asked.");
        }
        IReadOnlyList<byte[]> hashes;
        try
        {
            hashes = proof.Decode();
        }
        catch (FormatException)
        {
            return Error.Unavailable("The broker's inclusion proof holds a hash that is not base64.");
        }
        var verdict = MerkleVerifier.VerifyInclusion(MerkleHash.HashLeaf(entry.Bytes.Span), index, checkpoint.Size, hashes, checkpoint.RootHash);
        return verdict.IsValid
            ? null
            : Error.Forbidden($"The {entry.Type} entry at index {index} is not in the ledger of the checkpoint this connector witnessed (size {checkpoint.Size}): {verdict.Reason}.");
    }
}
