using System.Buffers.Binary;
using DataSpace.Core.Results;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// The log's side of c2sp.org/tlog-cosignature: accepts a witness's cosignature of one of the
/// log's own checkpoints, posted as the checkpoint note with the witness's cosignature line. Steps:
/// 1. the note is a well-formed signed checkpoint (c2sp.org/tlog-checkpoint) for the log's origin,
///    and the log's own signature on it verifies;
/// 2. the checkpoint is of this log's tree: its size is at most the log's and its root is the
///    log's root at that size (RFC 9162 §2.1.1) — otherwise the log's key signed another history;
/// 3. it carries exactly one signature line by the witness's cosigner key (name and key ID), and
///    that cosignature/v1 verifies over the checkpoint text.
/// The accepted note keeps only the log's signature and that cosignature.
/// </summary>
public static class CosignatureIntake
{
    /// <summary>Checks <paramref name="note"/> against <paramref name="log"/> and the witness's key.</summary>
    public static Result<AcceptedCosignature> Check(string note, LedgerLog log, NoteVerifier witness)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Check(note, LogKeys.ToNoteVerifier(log.LogKey), log.Size, log.RootHash, witness);
    }

    /// <summary>Checks <paramref name="note"/> against a log given by its key, its size and its root hashes.</summary>
    /// <param name="note">The cosigned checkpoint note.</param>
    /// <param name="logKey">The log's note key; its name is the log's origin.</param>
    /// <param name="logSize">The log's size now.</param>
    /// <param name="rootHash">The log's root hash at a size up to <paramref name="logSize"/>.</param>
    /// <param name="witness">The witness's cosigner key (type 0x04; see <see cref="ParticipantCosigner"/>).</param>
    public static Result<AcceptedCosignature> Check(string note, NoteVerifier logKey, ulong logSize, Func<ulong, byte[]> rootHash, NoteVerifier witness)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentNullException.ThrowIfNull(rootHash);
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Type != NoteSignatureType.CosignatureV1)
        {
            throw new ArgumentException("A witness cosigns with a cosignature/v1 (type 0x04) key.", nameof(witness));
        }

        // Step 1: a checkpoint of this log, signed by it.
        var opened = SignedCheckpoint.Open(note, logKey.Name, logKey, out var signed);
        if (!opened.IsValid)
        {
            return Error.Invalid($"The note is not a checkpoint of the log {logKey.Name}: {opened.Reason}.");
        }
        var checkpoint = signed!.Checkpoint;

        // Step 2: of this log's tree.
        if (checkpoint.Size > logSize)
        {
            return Error.Conflict($"The checkpoint is of size {checkpoint.Size}, but the log holds {logSize} entries.");
        }
        if (!rootHash(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            return Error.Conflict($"The checkpoint's root is not the log's root at size {checkpoint.Size}: the log's key signed another history.");
        }

        // Step 3: exactly one cosignature by the witness, and it verifies.
        var lines = signed.Note.Signatures.Where(s => s.Name == witness.Name && s.KeyId == witness.KeyId).ToList();
        if (lines.Count != 1)
        {
            return Error.Invalid(lines.Count == 0
                ? $"The note carries no cosignature by {witness.Name} (cosigner key {witness}: the participant's registered key as a cosignature/v1 key, type 0x04)."
                : $"The note carries {lines.Count} cosignatures by {witness.Name}; send one.");
        }
        var cosignature = lines[0];
        if (!witness.Verify(signed.Note.Text, cosignature.Signature))
        {
            return Error.Forbidden($"The cosignature by {witness.Name} does not verify over the checkpoint.");
        }
        var logSignature = signed.Note.Signatures.First(s => s.Name == logKey.Name && s.KeyId == logKey.KeyId);
        var kept = new SignedNote(signed.Note.Text, [logSignature, cosignature]);
        return new AcceptedCosignature(checkpoint.Size, witness.Name, BinaryPrimitives.ReadUInt64BigEndian(cosignature.Signature), kept.Format());
    }
}
