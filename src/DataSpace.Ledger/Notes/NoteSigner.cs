using System.Buffers.Binary;
using System.Text;
using NSec.Cryptography;

namespace DataSpace.Ledger.Notes;

/// <summary>
/// An Ed25519 note signer (signature type 0x01, c2sp.org/signed-note) or cosigner (type 0x04,
/// c2sp.org/tlog-cosignature). Holds the private key; dispose it when done. Ed25519 is
/// deterministic (RFC 8032), so signatures are byte-exact and reproducible.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private const string PrivateKeyPrefix = "PRIVATE+KEY+";
    private readonly Key _key;

    private NoteSigner(string name, NoteSignatureType type, Key key)
    {
        _key = key;
        Verifier = NoteVerifier.Create(name, type, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The key name.</summary>
    public string Name => Verifier.Name;

    /// <summary>The key ID.</summary>
    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching public verifier key.</summary>
    public NoteVerifier Verifier { get; }

    /// <summary>Creates a signer with a fresh random key.</summary>
    public static NoteSigner Generate(string name, NoteSignatureType type = NoteSignatureType.Ed25519) =>
        new(name, type, Key.Create(SignatureAlgorithm.Ed25519, PrivateKeyStaysInside));

    /// <summary>Creates a signer from a 32-byte Ed25519 seed (RFC 8032 private key).</summary>
    public static NoteSigner FromSeed(string name, ReadOnlySpan<byte> seed, NoteSignatureType type = NoteSignatureType.Ed25519)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("An Ed25519 seed has 32 bytes.", nameof(seed));
        }
        return new NoteSigner(name, type, Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, PrivateKeyStaysInside));
    }

    /// <summary>
    /// Parses the private key string of Go's sumdb/note: <c>PRIVATE+KEY+name+hexkeyid+base64(type || seed)</c>.
    /// </summary>
    /// <exception cref="FormatException">The string is malformed or its key ID does not match.</exception>
    public static NoteSigner ParsePrivateKey(string skey)
    {
        ArgumentNullException.ThrowIfNull(skey);
        var parts = skey.StartsWith(PrivateKeyPrefix, StringComparison.Ordinal) ? skey[PrivateKeyPrefix.Length..].Split('+', 3) : [];
        if (parts.Length != 3 || !NoteText.IsValidKeyName(parts[0]) || !NoteText.TryDecodeBase64(parts[2], out var blob)
            || blob.Length != 33 || !Enum.IsDefined((NoteSignatureType)blob[0]))
        {
            throw new FormatException("A private key is PRIVATE+KEY+name+keyid+base64(type || 32-byte seed).");
        }
        var signer = FromSeed(parts[0], blob.AsSpan(1), (NoteSignatureType)blob[0]);
        if (parts[1] != signer.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture))
        {
            signer.Dispose();
            throw new FormatException("The key ID does not match the name and key.");
        }
        return signer;
    }

    /// <summary>Signs note text with a plain Ed25519 signature (type 0x01 signers only).</summary>
    public NoteSignature Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Verifier.Type != NoteSignatureType.Ed25519)
        {
            throw new InvalidOperationException("A cosigner signs with Cosign, not Sign.");
        }
        return new NoteSignature(Name, KeyId, SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Cosigns checkpoint text at <paramref name="timestamp"/> (POSIX seconds): the signature is
    /// <c>timestamp (u64 big-endian) || Ed25519(cosignature/v1 message)</c> (type 0x04 signers only).
    /// </summary>
    public NoteSignature Cosign(string checkpointText, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        if (Verifier.Type != NoteSignatureType.CosignatureV1)
        {
            throw new InvalidOperationException("Only a cosignature/v1 signer can cosign.");
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timestamp, (ulong)long.MaxValue);
        var signature = new byte[8 + NoteKeys.Ed25519SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(signature, timestamp);
        SignatureAlgorithm.Ed25519.Sign(_key, CosignedMessage.Build(timestamp, checkpointText), signature.AsSpan(8));
        return new NoteSignature(Name, KeyId, signature);
    }

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();

    private static KeyCreationParameters PrivateKeyStaysInside => new() { ExportPolicy = KeyExportPolicies.None };
}
