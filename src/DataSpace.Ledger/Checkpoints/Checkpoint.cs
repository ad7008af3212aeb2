using System.Text;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// The body of a C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint, "Note text"): origin line,
/// tree size as a canonical decimal, base64 root hash, then optional non-empty extension lines.
/// </summary>
/// <param name="Origin">The log's unique identity, non-empty.</param>
/// <param name="Size">Number of leaves in the tree.</param>
/// <param name="RootHash">The RFC 6962 root hash (32 bytes).</param>
/// <param name="Extensions">Opaque extension lines, each non-empty.</param>
public sealed record Checkpoint(string Origin, ulong Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    /// <summary>A checkpoint without extension lines.</summary>
    public Checkpoint(string origin, ulong size, byte[] rootHash)
        : this(origin, size, rootHash, [])
    {
    }

    /// <summary>The note text: each line newline-terminated.</summary>
    public string Format()
    {
        var builder = new StringBuilder();
        builder.Append(Origin).Append('\n')
            .Append(NoteText.Decimal(Size)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var line in Extensions)
        {
            builder.Append(line).Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>Parses checkpoint note text strictly.</summary>
    /// <exception cref="FormatException">The text is not a canonical checkpoint.</exception>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n' || NoteText.HasForbiddenControl(text))
        {
            throw new FormatException("Checkpoint text is newline-terminated lines with no control characters.");
        }
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || lines.Any(l => l.Length == 0))
        {
            throw new FormatException("A checkpoint has at least three lines, none of them empty.");
        }
        if (!NoteText.TryParseDecimal(lines[1], out var size))
        {
            throw new FormatException("The tree size must be a decimal with no leading zeroes.");
        }
        if (!NoteText.TryDecodeBase64(lines[2], out var root) || root.Length != MerkleHash.Size)
        {
            throw new FormatException("The root hash must be canonical base64 of 32 bytes.");
        }
        return new Checkpoint(lines[0], size, root, lines[3..]);
    }
}
