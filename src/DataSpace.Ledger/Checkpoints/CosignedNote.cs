using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// Puts together the notes stored for one checkpoint (each with the log's signature and one
/// witness's cosignature, as <see cref="CosignatureIntake"/> accepted them) into one note: the
/// checkpoint, the log's signature, then every witness's cosignature in order of witness name.
/// </summary>
public static class CosignedNote
{
    /// <summary>The combined note, or null when nothing is stored.</summary>
    /// <exception cref="InvalidDataException">A stored note is malformed or of another checkpoint: the store is damaged.</exception>
    public static string? Combine(IEnumerable<string> stored, NoteVerifier logKey)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(logKey);
        string? text = null;
        NoteSignature? logSignature = null;
        var cosignatures = new SortedDictionary<string, NoteSignature>(StringComparer.Ordinal);
        foreach (var item in stored)
        {
            SignedNote note;
            try
            {
                note = SignedNote.Parse(item);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"A stored cosignature is not a signed note: {e.Message}", e);
            }
            if (text is not null && note.Text != text)
            {
                throw new InvalidDataException("The stored cosignatures of one size are of different checkpoints.");
            }
            text = note.Text;
            foreach (var signature in note.Signatures)
            {
                if (signature.Name == logKey.Name && signature.KeyId == logKey.KeyId)
                {
                    logSignature ??= signature;
                }
                else
                {
                    cosignatures.TryAdd(signature.Name, signature);
                }
            }
        }
        if (text is null)
        {
            return null;
        }
        if (logSignature is null)
        {
            throw new InvalidDataException("No stored cosignature keeps the log's own signature.");
        }
        return new SignedNote(text, [logSignature, .. cosignatures.Values]).Format();
    }
}
