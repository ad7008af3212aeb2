using NSec.Cryptography;

namespace DataSpace.Crypto.Signatures;

/// <summary>
/// A named Ed25519 private key (RFC 8032 §5.1.6), held as an NSec key handle. Dispose it when done;
/// the 32-byte seed can be exported only to write a key file.
/// </summary>
public sealed class Ed25519Signer : IDisposable
{
    /// <summary>Size of an Ed25519 signature, RFC 8032 §5.1.6.</summary>
    public const int SignatureSize = 64;

    /// <summary>Size of the private key seed, RFC 8032 §5.1.5.</summary>
    public const int SeedSize = 32;

    private readonly Key _key;

    private Ed25519Signer(string name, Key key)
    {
        _key = key;
        PublicKey = Ed25519PublicKey.FromRaw(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The matching public key, carrying the same name.</summary>
    public Ed25519PublicKey PublicKey { get; }

    /// <summary>The key's name (a participant id).</summary>
    public string Name => PublicKey.Name;

    /// <summary>Creates a fresh random key.</summary>
    public static Ed25519Signer Generate(string name)
    {
        KeyNames.Validate(name);
        return new Ed25519Signer(name, Key.Create(SignatureAlgorithm.Ed25519, Exportable));
    }

    /// <summary>Imports a key from its 32-byte seed.</summary>
    public static Ed25519Signer FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        KeyNames.Validate(name);
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedSize} bytes, not {seed.Length}.", nameof(seed));
        }
        return new Ed25519Signer(name, Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, Exportable));
    }

    /// <summary>Signs <paramref name="data"/>; Ed25519 is deterministic.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    /// <summary>Exports the 32-byte seed, for writing a key file.</summary>
    public byte[] ExportSeed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static KeyCreationParameters Exportable => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
