using System.Globalization;
using NSec.Cryptography;

namespace DataSpace.Crypto.Signatures;

/// <summary>
/// A named Ed25519 public key (RFC 8032), written as a C2SP signed-note verifier key
/// (c2sp.org/signed-note §"Verifier keys"): <c>name+hash+base64(0x01 ‖ key)</c>, where hash is the
/// first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key) in hex. The same string identifies a
/// participant's key in signed JSON (<see cref="KeyId"/> is its <c>name+hash</c> prefix).
/// </summary>
public sealed class Ed25519PublicKey : IEquatable<Ed25519PublicKey>
{
    /// <summary>The signature-type byte of Ed25519 in C2SP signed notes.</summary>
    public const byte NoteAlgorithmByte = 0x01;

    /// <summary>Size of a raw Ed25519 public key, RFC 8032 §5.1.5.</summary>
    public const int KeySize = 32;

    private readonly byte[] _key;
    private readonly Lazy<PublicKey> _nsecKey;

    private Ed25519PublicKey(string name, byte[] key)
    {
        Name = name;
        _key = key;
        KeyHash = NoteKeyHash.Compute(name, NoteAlgorithmByte, key);
        KeyId = $"{Name}+{KeyHash:x8}";
        _nsecKey = new Lazy<PublicKey>(() => PublicKey.Import(SignatureAlgorithm.Ed25519, _key, KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The key's name: for participants, their participant id.</summary>
    public string Name { get; }

    /// <summary>The C2SP key hash: first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key), big-endian.</summary>
    public uint KeyHash { get; }

    /// <summary>The raw 32-byte public key.</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>The key id used in signed JSON: <c>name+hash</c> (8 lowercase hex digits).</summary>
    public string KeyId { get; }

    /// <summary>The full C2SP verifier key string.</summary>
    public string VerifierKey => $"{KeyId}+{Convert.ToBase64String([NoteAlgorithmByte, .. _key])}";

    /// <summary>Creates a named key from its 32 raw bytes.</summary>
    /// <exception cref="ArgumentException">The name is not a valid note key name or the key is not 32 bytes.</exception>
    public static Ed25519PublicKey FromRaw(string name, ReadOnlySpan<byte> key)
    {
        KeyNames.Validate(name);
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An Ed25519 public key is {KeySize} bytes, not {key.Length}.", nameof(key));
        }
        return new Ed25519PublicKey(name, key.ToArray());
    }

    /// <summary>Parses a verifier key string strictly: name, matching hash, canonical base64, Ed25519 type byte.</summary>
    public static bool TryParse(string text, out Ed25519PublicKey? key, out string? error)
    {
        key = null;
        // The base64 key may itself contain '+', so split off only the name and the hash.
        var parts = text.Split('+', 3);
        if (parts.Length != 3)
        {
            error = "a verifier key has the form name+hash+base64key";
            return false;
        }
        var (name, hashText, keyText) = (parts[0], parts[1], parts[2]);
        if (!KeyNames.IsValid(name, out error))
        {
            return false;
        }
        if (hashText.Length != 8 || !uint.TryParse(hashText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hash) || hashText != hashText.ToLowerInvariant())
        {
            error = "the key hash must be 8 lowercase hex digits";
            return false;
        }
        if (!StrictBase64.TryDecode(keyText, out var blob) || blob.Length != KeySize + 1)
        {
            error = "the key must be canonical base64 of 33 bytes (type byte and key)";
            return false;
        }
        if (blob[0] != NoteAlgorithmByte)
        {
            error = $"key type 0x{blob[0]:x2} is not Ed25519 (0x01)";
            return false;
        }
        var candidate = new Ed25519PublicKey(name, blob[1..]);
        if (candidate.KeyHash != hash)
        {
            error = "the key hash does not match the name and key";
            return false;
        }
        key = candidate;
        error = null;
        return true;
    }

    /// <summary>Parses a verifier key string or throws <see cref="FormatException"/> saying why.</summary>
    public static Ed25519PublicKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key! : throw new FormatException($"Invalid verifier key: {error}.");

    /// <summary>Verifies an Ed25519 signature (RFC 8032 §5.1.7) over <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == Ed25519Signer.SignatureSize && SignatureAlgorithm.Ed25519.Verify(_nsecKey.Value, data, signature);

    /// <inheritdoc />
    public bool Equals(Ed25519PublicKey? other) =>
        other is not null && Name == other.Name && _key.AsSpan().SequenceEqual(other._key);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Ed25519PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, KeyHash);

    /// <inheritdoc />
    public override string ToString() => VerifierKey;
}
