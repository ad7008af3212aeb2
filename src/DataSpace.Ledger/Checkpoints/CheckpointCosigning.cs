using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// A participant's connector witnessing the broker's log over the broker's ledger API
/// (c2sp.org/tlog-cosignature), on top of a <see cref="Witness"/> whose cosigner is
/// <see cref="ParticipantCosigner.Signer"/> of the participant's key:
/// 1. <c>GET /ledger/checkpoint</c>: the log's latest signed checkpoint note;
/// 2. <see cref="ProofRange"/>: if it returns sizes, <c>GET /ledger/proofs/consistency?from=…&amp;to=…</c>;
/// 3. <see cref="Cosign"/> with the note and that answer: the note with the witness's cosignature
///    appended, or a refusal — <see cref="CosignedCheckpoint.IsSplitView"/> when the log cannot
///    prove the new checkpoint extends the last one cosigned;
/// 4. <c>POST /ledger/cosignatures</c> with <c>{"checkpoint": note}</c>;
/// 5. persist <see cref="Witness.LastCosigned"/> and pass it back to the next <see cref="Witness"/>,
///    or a restart would let the log fork unnoticed.
/// </summary>
public static class CheckpointCosigning
{
    /// <summary>
    /// The consistency proof to fetch before cosigning <paramref name="checkpointNote"/>: from the
    /// size last cosigned to the note's size; null when none is needed (first checkpoint, the same
    /// size, or a note that does not even parse, which <see cref="Cosign"/> will refuse).
    /// </summary>
    public static (ulong From, ulong To)? ProofRange(Witness witness, string checkpointNote)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(checkpointNote);
        if (witness.LastCosigned is not { Size: > 0 } last || SizeOf(checkpointNote) is not { } size || size <= last.Size)
        {
            return null;
        }
        return (last.Size, size);
    }

    /// <summary>
    /// Verifies the log's checkpoint and, if it is consistent with what the witness cosigned
    /// before, cosigns it (<see cref="Witness.Cosign"/>).
    /// </summary>
    /// <param name="witness">The participant's witness for the broker's log.</param>
    /// <param name="checkpointNote">The <c>GET /ledger/checkpoint</c> answer.</param>
    /// <param name="consistencyProofJson">The <c>GET /ledger/proofs/consistency</c> answer for <see cref="ProofRange"/>; null when it returned none.</param>
    public static CosignedCheckpoint Cosign(Witness witness, string checkpointNote, string? consistencyProofJson)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(checkpointNote);

        // Step 1: the proof the range calls for, read strictly.
        IReadOnlyList<byte[]> proof = [];
        if (ProofRange(witness, checkpointNote) is var (from, to))
        {
            if (consistencyProofJson is null)
            {
                return new CosignedCheckpoint(WitnessOutcome.Inconsistent, null, $"a consistency proof from size {from} to {to} is needed");
            }
            if (!ConsistencyProofJson.TryRead(consistencyProofJson, from, to, out proof, out var error))
            {
                return new CosignedCheckpoint(WitnessOutcome.Inconsistent, null, error);
            }
        }

        // Step 2: the witness checks the log's signature and the proof, then cosigns.
        var response = witness.Cosign(checkpointNote, proof);
        if (response.Outcome != WitnessOutcome.Cosigned)
        {
            return new CosignedCheckpoint(response.Outcome, null, response.Reason);
        }

        // Step 3: the note as the log signed it, with the cosignature appended.
        var note = SignedNote.Parse(checkpointNote);
        return new CosignedCheckpoint(WitnessOutcome.Cosigned, (note with { Signatures = [.. note.Signatures, response.Cosignature!] }).Format(), null);
    }

    private static ulong? SizeOf(string note)
    {
        try
        {
            return Checkpoint.Parse(SignedNote.Parse(note).Text).Size;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
