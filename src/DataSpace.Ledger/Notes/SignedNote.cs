using System.Buffers.Binary;
using System.Text;

namespace DataSpace.Ledger.Notes;

/// <summary>
/// A C2SP signed note (c2sp.org/signed-note, "Format"): text ending in a newline, a blank line,
/// then one or more signature lines. <see cref="Parse(string)"/> checks structure only;
/// <see cref="Verify"/> checks signatures against trusted keys.
/// </summary>
/// <param name="Text">The note text, including its final newline.</param>
/// <param name="Signatures">The signature lines, in order.</param>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>More signatures than this make the note malformed (the spec asks to accept at least 16).</summary>
    public const int MaxSignatures = 100;

    /// <summary>The note as transmitted: text, blank line, signature lines.</summary>
    public string Format() => Text + "\n" + string.Concat(Signatures.Select(s => s.FormatLine()));

    /// <summary>Parses a signed note from UTF-8 bytes, rejecting invalid UTF-8.</summary>
    /// <exception cref="FormatException">The bytes are not a well-formed signed note.</exception>
    public static SignedNote Parse(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("A signed note must be valid UTF-8.", e);
        }
        return Parse(text);
    }

    /// <summary>Parses a signed note strictly.</summary>
    /// <exception cref="FormatException">The string is not a well-formed signed note.</exception>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (NoteText.HasForbiddenControl(note) || !NoteText.IsWellFormed(note))
        {
            throw new FormatException("A signed note must be valid Unicode with no control characters other than newline.");
        }
        // The text is separated from the signatures by the last blank line.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException("A signed note needs a blank line before its signatures.");
        }
        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0 || block[^1] != '\n')
        {
            throw new FormatException("A signed note must end with a newline-terminated signature line.");
        }
        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new FormatException($"A signed note may carry at most {MaxSignatures} signatures.");
        }
        return new SignedNote(text, lines.Select(ParseLine).ToArray());
    }

    /// <summary>
    /// Verifies the note against trusted keys (c2sp.org/signed-note, "Signatures"): signatures
    /// from unknown keys (name and key ID not both matching) are ignored; a known key whose
    /// signature fails rejects the note; at least one known signature must verify.
    /// </summary>
    /// <returns>The verdict, and in <paramref name="verifiedBy"/> the keys whose signatures verified.</returns>
    public Verdict Verify(IEnumerable<NoteVerifier> trusted, out IReadOnlyList<NoteVerifier> verifiedBy)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        var keys = trusted.ToArray();
        var verified = new List<NoteVerifier>();
        verifiedBy = verified;
        foreach (var signature in Signatures)
        {
            var key = keys.FirstOrDefault(k => k.Name == signature.Name && k.KeyId == signature.KeyId);
            if (key is null || verified.Contains(key))
            {
                continue;
            }
            if (!key.Verify(Text, signature.Signature))
            {
                verified.Clear();
                return Verdict.Invalid($"the signature by {signature.Name}+{signature.KeyId:x8} does not verify");
            }
            verified.Add(key);
        }
        return verified.Count > 0 ? Verdict.Valid : Verdict.Invalid("no signature from a trusted key");
    }

    private static NoteSignature ParseLine(string line)
    {
        // "— <name> <base64>": em dash, space, name, space, base64.
        if (line.Length < 2 || line[0] != NoteText.EmDash || line[1] != ' ')
        {
            throw new FormatException("A signature line starts with an em dash and a space.");
        }
        var rest = line[2..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new FormatException("A signature line is '— name base64'.");
        }
        var name = rest[..space];
        if (!NoteText.IsValidKeyName(name) || !NoteText.TryDecodeBase64(rest[(space + 1)..], out var blob) || blob.Length < 5)
        {
            throw new FormatException("A signature line needs a valid key name and canonical base64 of key ID and signature.");
        }
        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]);
    }
}
