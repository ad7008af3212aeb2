using System.Security.Cryptography;
using NSec.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// An X25519 private key that decrypts files, written <c>AGE-SECRET-KEY-1…</c> (age spec, "The
/// X25519 recipient type"). It holds the key in an NSec <see cref="Key"/>; dispose it when done.
/// </summary>
public sealed class X25519Identity : IIdentity, IDisposable
{
    internal const string Hrp = "AGE-SECRET-KEY-";

    private readonly Key _key;

    private X25519Identity(Key key)
    {
        _key = key;
        Recipient = new X25519Recipient(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public recipient that files for this identity are encrypted to.</summary>
    public X25519Recipient Recipient { get; }

    /// <summary>Creates a new identity from 32 bytes of CSPRNG output.</summary>
    public static X25519Identity Generate() =>
        new(Key.Create(KeyAgreementAlgorithm.X25519, ExportableKey));

    /// <summary>Parses a Bech32 <c>AGE-SECRET-KEY-1…</c> identity (upper case, valid checksum, 32 bytes).</summary>
    /// <exception cref="FormatException">The string is not an X25519 age identity.</exception>
    public static X25519Identity Parse(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!Bech32.TryDecode(identity, out var hrp, out var data) || hrp != Hrp || data.Length != 32)
        {
            throw new FormatException("Not an age X25519 identity: expected an upper-case Bech32 'AGE-SECRET-KEY-1…' string holding 32 bytes.");
        }
        try
        {
            return new X25519Identity(Key.Import(KeyAgreementAlgorithm.X25519, data, KeyBlobFormat.RawPrivateKey, ExportableKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
        }
    }

    /// <summary>The secret Bech32 <c>AGE-SECRET-KEY-1…</c> form. Treat the result as a secret.</summary>
    public string ToSecretString()
    {
        var raw = _key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return Bech32.Encode(Hrp, raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Shows only the public recipient, so that logging an identity never leaks it.</summary>
    public override string ToString() => $"X25519 identity for {Recipient}";

    /// <inheritdoc />
    public byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        foreach (var stanza in stanzas)
        {
            if (stanza.Type == X25519Recipient.StanzaType && UnwrapOne(stanza) is { } fileKey)
            {
                return fileKey;
            }
        }
        return null;
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <summary>Age spec, "X25519 recipient stanza": the checks, in order, then the unwrap.</summary>
    private byte[]? UnwrapOne(AgeStanza stanza)
    {
        if (stanza.Arguments.Count != 1)
        {
            throw new AgeException(AgeErrorKind.Header, "Invalid X25519 stanza: it must have exactly two arguments.");
        }
        if (!Base64Unpadded.TryDecode(stanza.Arguments[0], out var share) || share.Length != 32)
        {
            throw new AgeException(AgeErrorKind.Header, "Invalid X25519 stanza: the share is not the canonical base64 of 32 bytes.");
        }
        if (stanza.Body.Length != FileKeyWrap.BodySize)
        {
            // Checked before any decryption, against partitioning oracle attacks.
            throw new AgeException(AgeErrorKind.Header, "Invalid X25519 stanza: the body is not 32 bytes.");
        }
        var algorithm = KeyAgreementAlgorithm.X25519;
        var ephemeral = PublicKey.Import(algorithm, share, KeyBlobFormat.RawPublicKey);
        using var shared = algorithm.Agree(_key, ephemeral, ExportableSecret)
            ?? throw new AgeException(AgeErrorKind.Header, "Invalid X25519 stanza: the shared secret is all zero (low-order share).");
        var secret = shared.Export(SharedSecretBlobFormat.RawSharedSecret);
        var wrapKey = AgeKdf.Derive(secret, [.. share, .. Recipient.PublicKeyBytes], X25519Recipient.Info);
        try
        {
            return FileKeyWrap.Open(wrapKey, stanza.Body.Span);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    private static KeyCreationParameters ExportableKey => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    private static SharedSecretCreationParameters ExportableSecret => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
