using System.Text;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Proofs;

/// <summary>
/// An offline receipt in the c2sp.org/tlog-proof@v1 text format: header line, optional
/// <c>extra</c> line (unauthenticated opaque data), <c>index</c> line, one base64 inclusion-proof
/// hash per line (leaf's sibling first, RFC 6962 §2.1.1), an empty line, then the signed
/// checkpoint note verbatim, cosignatures included.
/// </summary>
/// <param name="Index">Zero-based index of the entry in the log.</param>
/// <param name="InclusionProof">The audit path for <see cref="Index"/> in the checkpointed tree.</param>
/// <param name="CheckpointNote">The signed checkpoint note, verbatim.</param>
/// <param name="Extra">Optional opaque extra data; never trusted implicitly.</param>
public sealed record TlogProof(ulong Index, IReadOnlyList<byte[]> InclusionProof, string CheckpointNote, byte[]? Extra = null)
{
    /// <summary>The first line of every proof.</summary>
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>The proof text.</summary>
    public string Format()
    {
        var builder = new StringBuilder().Append(Header).Append('\n');
        if (Extra is not null)
        {
            builder.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        }
        builder.Append("index ").Append(NoteText.Decimal(Index)).Append('\n');
        foreach (var hash in InclusionProof)
        {
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        }
        return builder.Append('\n').Append(CheckpointNote).ToString();
    }

    /// <summary>Parses proof text strictly (canonical base64 and decimals, 32-byte hashes, a well-formed note).</summary>
    /// <exception cref="FormatException">The text is not a well-formed tlog-proof.</exception>
    public static TlogProof Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new FormatException("A tlog-proof needs an empty line before the checkpoint.");
        }
        var lines = text[..blank].Split('\n');
        var note = text[(blank + 2)..];
        if (lines[0] != Header)
        {
            throw new FormatException($"A tlog-proof starts with '{Header}'.");
        }
        var next = 1;
        byte[]? extra = null;
        if (next < lines.Length && lines[next].StartsWith("extra ", StringComparison.Ordinal))
        {
            if (!NoteText.TryDecodeBase64(lines[next]["extra ".Length..], out extra))
            {
                throw new FormatException("The extra data must be canonical base64.");
            }
            next++;
        }
        if (next >= lines.Length || !lines[next].StartsWith("index ", StringComparison.Ordinal)
            || !NoteText.TryParseDecimal(lines[next]["index ".Length..], out var index))
        {
            throw new FormatException("A tlog-proof needs an 'index' line with a decimal with no leading zeroes.");
        }
        var hashes = new List<byte[]>();
        foreach (var line in lines.Skip(next + 1))
        {
            if (!NoteText.TryDecodeBase64(line, out var hash) || hash.Length != MerkleHash.Size)
            {
                throw new FormatException("Each inclusion-proof line is canonical base64 of a 32-byte hash.");
            }
            hashes.Add(hash);
        }
        SignedNote.Parse(note);
        return new TlogProof(index, hashes, note, extra);
    }
}
