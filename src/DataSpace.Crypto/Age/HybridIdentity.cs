using System.Security.Cryptography;
using DataSpace.Crypto.Age.Hybrid;

namespace DataSpace.Crypto.Age;

/// <summary>
/// A post-quantum hybrid private key that decrypts files, written <c>AGE-SECRET-KEY-PQ-1…</c>
/// (age spec, "The MLKEM768-X25519 (i.e. X-Wing) hybrid post-quantum recipient type"): a 32-byte
/// seed, expanded into ML-KEM-768 and X25519 keys (draft-connolly-cfrg-xwing-kem). It recognises
/// <c>mlkem768x25519</c> stanzas and opens them with HPKE (RFC 9180) OpenBase. Dispose it to wipe
/// the expanded key.
/// </summary>
public sealed class HybridIdentity : IIdentity, IDisposable
{
    internal const string Hrp = "AGE-SECRET-KEY-PQ-";

    private readonly byte[] _seed;
    private readonly XWingKeyPair _keyPair;

    private HybridIdentity(byte[] seed)
    {
        _seed = seed;
        _keyPair = XWingKeyPair.FromSeed(seed);
        Recipient = new HybridRecipient(_keyPair.PublicKey);
    }

    /// <summary>The public recipient that files for this identity are encrypted to.</summary>
    public HybridRecipient Recipient { get; }

    /// <summary>Creates a new identity from 32 bytes of CSPRNG output.</summary>
    public static HybridIdentity Generate() => new(RandomNumberGenerator.GetBytes(XWing.SeedSize));

    /// <summary>Parses a Bech32 <c>AGE-SECRET-KEY-PQ-1…</c> identity (upper case, valid checksum, 32 bytes).</summary>
    /// <exception cref="FormatException">The string is not a hybrid age identity.</exception>
    public static HybridIdentity Parse(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!Bech32.TryDecode(identity, out var hrp, out var data) || hrp != Hrp || data.Length != XWing.SeedSize)
        {
            throw new FormatException("Not an age hybrid identity: expected an upper-case Bech32 'AGE-SECRET-KEY-PQ-1…' string holding 32 bytes.");
        }
        return new HybridIdentity(data);
    }

    /// <summary>The secret Bech32 <c>AGE-SECRET-KEY-PQ-1…</c> form. Treat the result as a secret.</summary>
    public string ToSecretString() => Bech32.Encode(Hrp, _seed);

    /// <summary>Shows only the public recipient's start, so that logging an identity never leaks it.</summary>
    public override string ToString() => $"MLKEM768-X25519 identity for {Recipient.ToString()[..24]}…";

    /// <inheritdoc />
    public byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        foreach (var stanza in stanzas)
        {
            if (stanza.Type == HybridRecipient.StanzaType && UnwrapOne(stanza) is { } fileKey)
            {
                return fileKey;
            }
        }
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_seed);
        _keyPair.Dispose();
    }

    /// <summary>Age spec, "mlkem768x25519 recipient stanza": the checks, in order, then HPKE OpenBase.</summary>
    private byte[]? UnwrapOne(AgeStanza stanza)
    {
        if (stanza.Arguments.Count != 1)
        {
            throw new AgeException(AgeErrorKind.Header, "Invalid mlkem768x25519 stanza: it must have exactly two arguments.");
        }
        if (!Base64Unpadded.TryDecode(stanza.Arguments[0], out var enc) || enc.Length != XWing.CiphertextSize)
        {
            throw new AgeException(AgeErrorKind.Header, $"Invalid mlkem768x25519 stanza: enc is not the canonical base64 of {XWing.CiphertextSize} bytes.");
        }
        if (stanza.Body.Length != FileKeyWrap.BodySize)
        {
            // Checked before any decryption, against partitioning oracle attacks.
            throw new AgeException(AgeErrorKind.Header, "Invalid mlkem768x25519 stanza: the body is not 32 bytes.");
        }
        var sharedSecret = _keyPair.Decapsulate(enc)
            ?? throw new AgeException(AgeErrorKind.Header, "Invalid mlkem768x25519 stanza: the X25519 shared secret is all zero (low-order share).");
        try
        {
            // A wrong key or a corrupted enc gives another shared secret (ML-KEM rejects
            // implicitly), so the body fails to authenticate: not this identity's stanza.
            return Hpke.Open(sharedSecret, HybridRecipient.Info, [], stanza.Body.Span);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }
}
