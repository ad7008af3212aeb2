using System.Security.Cryptography;
using DataSpace.Crypto.Age.MlKem;
using NSec.Cryptography;

namespace DataSpace.Crypto.Age.Hybrid;

/// <summary>
/// An X-Wing private key expanded from its 32-byte seed (draft-connolly-cfrg-xwing-kem,
/// expandDecapsulationKey): SHAKE256(seed, 96) = d ‖ z ‖ sk_X, (pk_M, sk_M) =
/// ML-KEM-768.KeyGen_internal(d, z) (2400-byte sk_M), pk_X = X25519(sk_X, base). Holds the
/// expanded secrets for decapsulation; dispose it to wipe them.
/// </summary>
internal sealed class XWingKeyPair : IDisposable
{
    private readonly byte[] _decapsulationKeyM;
    private readonly Key _keyX;

    private XWingKeyPair(byte[] decapsulationKeyM, Key keyX, byte[] publicKey)
    {
        _decapsulationKeyM = decapsulationKeyM;
        _keyX = keyX;
        PublicKey = publicKey;
    }

    /// <summary>pk = pk_M ‖ pk_X, 1216 bytes: hpke-pq's PrivateKeyToPublicKey(seed).</summary>
    public byte[] PublicKey { get; }

    public static XWingKeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != XWing.SeedSize)
        {
            throw new ArgumentException("An X-Wing private key is a 32-byte seed.", nameof(seed));
        }
        Span<byte> expanded = stackalloc byte[96];
        Shake256.HashData(seed, expanded);
        try
        {
            var (encapsulationKeyM, decapsulationKeyM) = MlKem768.KeyGenInternal(expanded[..32], expanded[32..64]);
            var keyX = Key.Import(KeyAgreementAlgorithm.X25519, expanded[64..], KeyBlobFormat.RawPrivateKey);
            var publicKeyX = keyX.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            return new XWingKeyPair(decapsulationKeyM, keyX, [.. encapsulationKeyM, .. publicKeyX]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded);
        }
    }

    /// <summary>
    /// X-Wing Decapsulate(ct): ss_M = ML-KEM-768.Decaps(sk_M, ct_M) (implicit rejection),
    /// ss_X = X25519(sk_X, ct_X), ss = Combiner(ss_M, ss_X, ct_X, pk_X). Returns null when ss_X is
    /// all zero (ct_X is a low-order point), which callers must treat as an invalid ciphertext.
    /// </summary>
    public byte[]? Decapsulate(ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length != XWing.CiphertextSize)
        {
            throw new ArgumentException("An X-Wing ciphertext is 1120 bytes.", nameof(ciphertext));
        }
        var ciphertextX = ciphertext[MlKem768.CiphertextSize..];
        var sharedX = XWing.Agree(_keyX, ciphertextX);
        if (sharedX is null)
        {
            return null;
        }
        var sharedM = MlKem768.Decapsulate(_decapsulationKeyM, ciphertext[..MlKem768.CiphertextSize]);
        var publicKeyX = PublicKey.AsSpan(MlKem768.EncapsulationKeySize);
        var sharedSecret = XWing.Combine(sharedM, sharedX, ciphertextX, publicKeyX);
        CryptographicOperations.ZeroMemory(sharedM);
        CryptographicOperations.ZeroMemory(sharedX);
        return sharedSecret;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_decapsulationKeyM);
        _keyX.Dispose();
    }
}
