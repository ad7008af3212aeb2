using System.Buffers.Binary;

namespace DataSpace.Ledger.Notes;

/// <summary>
/// One signature line of a signed note: <c>— &lt;key name&gt; base64(key ID || signature)</c>
/// (c2sp.org/signed-note, "Signatures"). <see cref="Signature"/> excludes the 4-byte key ID.
/// </summary>
/// <param name="Name">The key name.</param>
/// <param name="KeyId">The 32-bit key ID, big-endian on the wire.</param>
/// <param name="Signature">The signature bytes after the key ID (for cosignature/v1: timestamp then Ed25519 signature).</param>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    /// <summary>The full signature line, including the em dash and the final newline.</summary>
    public string FormatLine()
    {
        var blob = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(blob, KeyId);
        Signature.CopyTo(blob, 4);
        return $"{NoteText.EmDash} {Name} {Convert.ToBase64String(blob)}\n";
    }
}
