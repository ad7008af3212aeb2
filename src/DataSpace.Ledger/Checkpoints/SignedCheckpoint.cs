using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// A checkpoint together with the signed note that carries it: the log's signature and any
/// witness cosignatures (c2sp.org/tlog-checkpoint, "Signatures").
/// </summary>
/// <param name="Checkpoint">The parsed checkpoint body.</param>
/// <param name="Note">The signed note, as received.</param>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, SignedNote Note)
{
    /// <summary>Signs a checkpoint with the log's key.</summary>
    public static SignedCheckpoint Sign(Checkpoint checkpoint, NoteSigner logSigner)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(logSigner);
        var text = checkpoint.Format();
        return new SignedCheckpoint(checkpoint, new SignedNote(text, [logSigner.Sign(text)]));
    }

    /// <summary>
    /// Parses a signed checkpoint note and verifies it: the origin must be the expected one and
    /// the log's own key must have signed it (other signatures are ignored here).
    /// </summary>
    public static Verdict Open(string note, string origin, NoteVerifier logKey, out SignedCheckpoint? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(logKey);
        checkpoint = null;
        SignedNote signed;
        Checkpoint body;
        try
        {
            signed = SignedNote.Parse(note);
            body = Checkpoint.Parse(signed.Text);
        }
        catch (FormatException e)
        {
            return Verdict.Invalid($"malformed checkpoint: {e.Message}");
        }
        if (body.Origin != origin)
        {
            return Verdict.Invalid($"checkpoint origin '{body.Origin}' is not the expected '{origin}'");
        }
        var verdict = signed.Verify([logKey], out _);
        if (!verdict.IsValid)
        {
            return Verdict.Invalid($"checkpoint signature: {verdict.Reason}");
        }
        checkpoint = new SignedCheckpoint(body, signed);
        return Verdict.Valid;
    }

    /// <summary>This checkpoint with one more signature line appended (a witness cosignature).</summary>
    public SignedCheckpoint WithSignature(NoteSignature signature) =>
        this with { Note = Note with { Signatures = [.. Note.Signatures, signature] } };
}
