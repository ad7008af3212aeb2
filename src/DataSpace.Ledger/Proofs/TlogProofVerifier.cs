using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Proofs;

/// <summary>
/// Verifies a c2sp.org/tlog-proof offline, from nothing but the proof, the leaf and a trust
/// policy: the checkpoint is for the expected origin and signed by the log, the witness quorum
/// (if any) cosigned it, and the inclusion proof places the leaf at the stated index in the
/// checkpointed tree (RFC 9162 §2.1.3.2).
/// </summary>
public static class TlogProofVerifier
{
    /// <summary>Verifies a proof for the raw leaf bytes.</summary>
    public static Verdict Verify(string proofText, ReadOnlySpan<byte> leaf, string origin, NoteVerifier logKey, WitnessPolicy? witnesses = null) =>
        VerifyLeafHash(proofText, MerkleHash.HashLeaf(leaf), origin, logKey, witnesses);

    /// <summary>Verifies a proof for an RFC 6962 leaf hash.</summary>
    public static Verdict VerifyLeafHash(string proofText, ReadOnlySpan<byte> leafHash, string origin, NoteVerifier logKey, WitnessPolicy? witnesses = null)
    {
        ArgumentNullException.ThrowIfNull(proofText);
        ArgumentNullException.ThrowIfNull(logKey);
        TlogProof proof;
        try
        {
            proof = TlogProof.Parse(proofText);
        }
        catch (FormatException e)
        {
            return Verdict.Invalid($"malformed tlog-proof: {e.Message}");
        }
        var opened = SignedCheckpoint.Open(proof.CheckpointNote, origin, logKey, out var checkpoint);
        if (!opened.IsValid)
        {
            return opened;
        }
        if (witnesses?.Check(checkpoint!.Note) is { IsValid: false } quorum)
        {
            return quorum;
        }
        var head = checkpoint!.Checkpoint;
        var inclusion = MerkleVerifier.VerifyInclusion(leafHash, proof.Index, head.Size, proof.InclusionProof, head.RootHash);
        return inclusion.IsValid ? inclusion : Verdict.Invalid($"inclusion proof: {inclusion.Reason}");
    }
}
