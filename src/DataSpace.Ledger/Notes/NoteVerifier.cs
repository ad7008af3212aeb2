using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace DataSpace.Ledger.Notes;

/// <summary>
/// A trusted note verifier key, written as the vkey string <c>name+hexkeyid+base64(type || key)</c>
/// (c2sp.org/signed-note, "Verifier keys"). Supports Ed25519 note signatures (type 0x01) and
/// Ed25519 cosignature/v1 (type 0x04, c2sp.org/tlog-cosignature). Parsing is strict: the key ID
/// must be 8 lowercase hex digits equal to the derived ID, and the base64 must be canonical.
/// </summary>
public sealed class NoteVerifier
{
    private readonly NSec.Cryptography.PublicKey _publicKey;
    private readonly byte[] _publicKeyBytes;

    private NoteVerifier(string name, NoteSignatureType type, byte[] publicKey)
    {
        Name = name;
        Type = type;
        _publicKeyBytes = publicKey;
        _publicKey = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
        KeyId = NoteKeys.KeyId(name, type, publicKey);
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The key ID derived from name, type and public key.</summary>
    public uint KeyId { get; }

    /// <summary>The signature type this key verifies.</summary>
    public NoteSignatureType Type { get; }

    /// <summary>The raw 32-byte Ed25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKeyBytes;

    /// <summary>Creates a verifier from its parts.</summary>
    /// <exception cref="ArgumentException">The name is not a valid key name or the key is not 32 bytes.</exception>
    public static NoteVerifier Create(string name, NoteSignatureType type, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NoteText.IsValidKeyName(name))
        {
            throw new ArgumentException("A key name is non-empty with no spaces or '+'.", nameof(name));
        }
        if (publicKey.Length != NoteKeys.Ed25519PublicKeySize || !Enum.IsDefined(type))
        {
            throw new ArgumentException("Only 32-byte Ed25519 keys of type 0x01 or 0x04 are supported.", nameof(publicKey));
        }
        return new NoteVerifier(name, type, publicKey.ToArray());
    }

    /// <summary>Parses a vkey string strictly.</summary>
    /// <exception cref="FormatException">The string is malformed, non-canonical, of an unknown type, or its key ID does not match.</exception>
    public static NoteVerifier Parse(string vkey)
    {
        ArgumentNullException.ThrowIfNull(vkey);
        var parts = vkey.Split('+', 3);
        if (parts.Length != 3 || !NoteText.IsValidKeyName(parts[0]))
        {
            throw new FormatException("A verifier key is name+keyid+base64.");
        }
        var (name, hex, b64) = (parts[0], parts[1], parts[2]);
        if (hex.Length != 8 || !hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new FormatException("The key ID must be 8 lowercase hex digits.");
        }
        if (!NoteText.TryDecodeBase64(b64, out var blob) || blob.Length != 1 + NoteKeys.Ed25519PublicKeySize)
        {
            throw new FormatException("The key must be canonical base64 of a type byte and a 32-byte Ed25519 key.");
        }
        var type = (NoteSignatureType)blob[0];
        if (!Enum.IsDefined(type))
        {
            throw new FormatException($"Unsupported signature type 0x{blob[0]:x2}.");
        }
        var verifier = new NoteVerifier(name, type, blob[1..]);
        if (verifier.KeyId != uint.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture))
        {
            throw new FormatException("The key ID does not match the name and key.");
        }
        return verifier;
    }

    /// <summary>Formats the vkey string.</summary>
    public override string ToString() =>
        $"{Name}+{KeyId:x8}+{Convert.ToBase64String([(byte)Type, .. _publicKeyBytes])}";

    /// <summary>
    /// Checks <paramref name="signature"/> (the bytes after the key ID) over the note text: a plain
    /// Ed25519 signature for type 0x01; for type 0x04, a timestamp and an Ed25519 signature over
    /// the cosignature/v1 message.
    /// </summary>
    public bool Verify(string text, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Type == NoteSignatureType.Ed25519)
        {
            return signature.Length == NoteKeys.Ed25519SignatureSize
                && SignatureAlgorithm.Ed25519.Verify(_publicKey, Encoding.UTF8.GetBytes(text), signature);
        }
        if (signature.Length != 8 + NoteKeys.Ed25519SignatureSize)
        {
            return false;
        }
        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
        return timestamp <= long.MaxValue
            && SignatureAlgorithm.Ed25519.Verify(_publicKey, CosignedMessage.Build(timestamp, text), signature[8..]);
    }
}
