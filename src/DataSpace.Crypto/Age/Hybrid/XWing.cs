using System.Security.Cryptography;
using DataSpace.Crypto.Age.MlKem;
using NSec.Cryptography;

namespace DataSpace.Crypto.Age.Hybrid;

/// <summary>
/// The MLKEM768-X25519 KEM of draft-ietf-hpke-pq-03 (HPKE KEM id 0x647A), which is X-Wing
/// (draft-connolly-cfrg-xwing-kem, from -06 on): ML-KEM-768 (FIPS 203) and X25519 (RFC 7748)
/// joined by a SHA3-256 combiner. Sizes: private key (seed) 32 bytes, public key
/// pk_M ‖ pk_X = 1184 + 32 = 1216 bytes, ciphertext ct_M ‖ ct_X = 1088 + 32 = 1120 bytes, shared
/// secret 32 bytes. The decapsulation side is <see cref="XWingKeyPair"/>.
/// </summary>
internal static class XWing
{
    public const int SeedSize = 32;
    public const int X25519Size = 32;
    public const int PublicKeySize = MlKem768.EncapsulationKeySize + X25519Size;
    public const int CiphertextSize = MlKem768.CiphertextSize + X25519Size;
    public const int SharedSecretSize = 32;

    /// <summary>The randomness of one encapsulation: 32 bytes for ML-KEM's m, then the 32-byte ephemeral X25519 key.</summary>
    public const int EncapsulationSeedSize = 64;

    /// <summary>
    /// True when <paramref name="publicKey"/> is 1216 bytes and its ML-KEM part passes the FIPS 203
    /// encapsulation key check. Any 32 bytes are an X25519 public key (RFC 7748 section 5).
    /// </summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicKeySize && MlKem768.IsValidEncapsulationKey(publicKey[..MlKem768.EncapsulationKeySize]);

    /// <summary>
    /// X-Wing EncapsulateDerand(pk, eseed): ct_X = X25519(ek_X, base), ss_X = X25519(ek_X, pk_X),
    /// (ss_M, ct_M) = ML-KEM-768.Encaps_internal(pk_M, eseed[0..32]), ss = Combiner(…).
    /// Returns null when ss_X is all zero (pk_X is a low-order point). X-Wing's Encapsulate(pk) is
    /// this with 64 fresh random bytes, which <see cref="HybridRecipient"/> draws.
    /// </summary>
    public static (byte[] SharedSecret, byte[] Ciphertext)? EncapsulateDerand(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> encapsulationSeed)
    {
        if (!IsValidPublicKey(publicKey) || encapsulationSeed.Length != EncapsulationSeedSize)
        {
            throw new ArgumentException("X-Wing encapsulation takes a valid 1216-byte public key and 64 bytes of randomness.");
        }
        var publicKeyM = publicKey[..MlKem768.EncapsulationKeySize];
        var publicKeyX = publicKey[MlKem768.EncapsulationKeySize..];
        var algorithm = KeyAgreementAlgorithm.X25519;
        using var ephemeral = Key.Import(algorithm, encapsulationSeed[32..], KeyBlobFormat.RawPrivateKey);
        var ciphertextX = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var sharedX = Agree(ephemeral, publicKeyX);
        if (sharedX is null)
        {
            return null;
        }
        var (sharedM, ciphertextM) = MlKem768.EncapsulateInternal(publicKeyM, encapsulationSeed[..32]);
        var sharedSecret = Combine(sharedM, sharedX, ciphertextX, publicKeyX);
        CryptographicOperations.ZeroMemory(sharedM);
        CryptographicOperations.ZeroMemory(sharedX);
        return (sharedSecret, [.. ciphertextM, .. ciphertextX]);
    }

    /// <summary>
    /// The X-Wing combiner: SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ XWingLabel), where the 6-byte
    /// label is the ASCII art <c>\.//^\</c>, placed last (draft -06 onwards).
    /// </summary>
    public static byte[] Combine(ReadOnlySpan<byte> sharedM, ReadOnlySpan<byte> sharedX, ReadOnlySpan<byte> ciphertextX, ReadOnlySpan<byte> publicKeyX)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(HashAlgorithmName.SHA3_256);
        hash.AppendData(sharedM);
        hash.AppendData(sharedX);
        hash.AppendData(ciphertextX);
        hash.AppendData(publicKeyX);
        hash.AppendData("\\.//^\\"u8);
        return hash.GetHashAndReset();
    }

    /// <summary>X25519(key, peer), or null when the result is all zero (RFC 7748 section 6.1: a low-order peer).</summary>
    public static byte[]? Agree(Key key, ReadOnlySpan<byte> peer)
    {
        var algorithm = KeyAgreementAlgorithm.X25519;
        var peerKey = PublicKey.Import(algorithm, peer, KeyBlobFormat.RawPublicKey);
        using var shared = algorithm.Agree(key, peerKey, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return shared?.Export(SharedSecretBlobFormat.RawSharedSecret);
    }
}
