using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace DataSpace.Crypto.Age.MlKem;

/// <summary>
/// ML-KEM-768 (FIPS 203, August 2024) in managed code, because .NET's <c>MLKem</c> needs a
/// newer OpenSSL than some hosts have. Sizes (FIPS 203 Table 3): encapsulation key 1184 bytes,
/// decapsulation key 2400 bytes, ciphertext 1088 bytes, shared secret 32 bytes. Hash functions
/// (section 4.1): H = SHA3-256, G = SHA3-512, J(s) = SHAKE256(s, 32).
/// </summary>
internal static class MlKem768
{
    public const int EncapsulationKeySize = KPke.EncryptionKeySize;
    public const int DecapsulationKeySize = (2 * KPke.DecryptionKeySize) + 96;
    public const int CiphertextSize = KPke.CiphertextSize;
    public const int SharedSecretSize = 32;
    public const int SeedSize = 32;

    /// <summary>
    /// FIPS 203 Algorithm 16, ML-KEM.KeyGen_internal(d, z): dk = dk_PKE ‖ ek ‖ H(ek) ‖ z.
    /// </summary>
    public static (byte[] EncapsulationKey, byte[] DecapsulationKey) KeyGenInternal(ReadOnlySpan<byte> d, ReadOnlySpan<byte> z)
    {
        if (d.Length != SeedSize || z.Length != SeedSize)
        {
            throw new ArgumentException("ML-KEM key generation takes two 32-byte seeds.");
        }
        var (encapsulationKey, decryptionKey) = KPke.KeyGen(d);
        var decapsulationKey = new byte[DecapsulationKeySize];
        var rest = decapsulationKey.AsSpan();
        decryptionKey.CopyTo(rest);
        encapsulationKey.CopyTo(rest[KPke.DecryptionKeySize..]);
        SHA3_256.HashData(encapsulationKey, rest.Slice(KPke.DecryptionKeySize + EncapsulationKeySize, 32));
        z.CopyTo(rest[^SeedSize..]);
        CryptographicOperations.ZeroMemory(decryptionKey);
        return (encapsulationKey, decapsulationKey);
    }

    /// <summary>
    /// The encapsulation key check of FIPS 203 section 7.2: 1184 bytes whose twelve-bit values
    /// are all reduced modulo q, so that ByteEncode_12(ByteDecode_12(ek)) = ek.
    /// </summary>
    public static bool IsValidEncapsulationKey(ReadOnlySpan<byte> encapsulationKey)
    {
        if (encapsulationKey.Length != EncapsulationKeySize)
        {
            return false;
        }
        Span<byte> again = stackalloc byte[384];
        for (var i = 0; i < KPke.K; i++)
        {
            var polynomial = encapsulationKey.Slice(384 * i, 384);
            PolyCoding.ByteEncode(PolyCoding.ByteDecode(polynomial, 12), 12, again);
            if (!again.SequenceEqual(polynomial))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// FIPS 203 Algorithm 17, ML-KEM.Encaps_internal(ek, m): (K, r) = G(m ‖ H(ek)) and
    /// c = K-PKE.Encrypt(ek, m, r). The key must have passed <see cref="IsValidEncapsulationKey"/>.
    /// </summary>
    public static (byte[] SharedSecret, byte[] Ciphertext) EncapsulateInternal(ReadOnlySpan<byte> encapsulationKey, ReadOnlySpan<byte> message)
    {
        if (!IsValidEncapsulationKey(encapsulationKey) || message.Length != KPke.MessageSize)
        {
            throw new ArgumentException("Not a valid ML-KEM-768 encapsulation key and 32-byte message.");
        }
        Span<byte> input = stackalloc byte[64];
        message.CopyTo(input);
        SHA3_256.HashData(encapsulationKey, input[32..]);
        Span<byte> kr = stackalloc byte[64];
        SHA3_512.HashData(input, kr);
        var ciphertext = KPke.Encrypt(encapsulationKey, message, kr[32..]);
        var sharedSecret = kr[..32].ToArray();
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(kr);
        return (sharedSecret, ciphertext);
    }

    /// <summary>
    /// FIPS 203 Algorithm 18, ML-KEM.Decaps_internal(dk, c), with implicit rejection: when the
    /// re-encryption c' differs from c the result is K̄ = J(z ‖ c), a value unrelated to the
    /// sender's secret. The comparison and the choice are constant-time, so the caller cannot
    /// tell the two cases apart (the AEAD that follows simply fails to open).
    /// </summary>
    public static byte[] Decapsulate(ReadOnlySpan<byte> decapsulationKey, ReadOnlySpan<byte> ciphertext)
    {
        if (decapsulationKey.Length != DecapsulationKeySize || ciphertext.Length != CiphertextSize)
        {
            throw new ArgumentException("ML-KEM-768 decapsulation takes a 2400-byte key and a 1088-byte ciphertext.");
        }
        var decryptionKey = decapsulationKey[..KPke.DecryptionKeySize];
        var encapsulationKey = decapsulationKey.Slice(KPke.DecryptionKeySize, EncapsulationKeySize);
        var hash = decapsulationKey.Slice(KPke.DecryptionKeySize + EncapsulationKeySize, 32);
        var z = decapsulationKey[^SeedSize..];

        var message = KPke.Decrypt(decryptionKey, ciphertext);
        Span<byte> input = stackalloc byte[64];
        message.CopyTo(input);
        hash.CopyTo(input[32..]);
        Span<byte> kr = stackalloc byte[64];
        SHA3_512.HashData(input, kr); // (K', r') = G(m' ‖ h)

        using var j = new Shake256();
        j.AppendData(z);
        j.AppendData(ciphertext);
        var rejection = j.GetHashAndReset(SharedSecretSize); // K̄ = J(z ‖ c)

        var again = KPke.Encrypt(encapsulationKey, message, kr[32..]);
        var equal = CryptographicOperations.FixedTimeEquals(ciphertext, again);
        var keep = (byte)-Unsafe.BitCast<bool, byte>(equal); // 0xFF when c = c', else 0x00
        var sharedSecret = new byte[SharedSecretSize];
        for (var i = 0; i < SharedSecretSize; i++)
        {
            sharedSecret[i] = (byte)((kr[i] & keep) | (rejection[i] & ~keep));
        }
        CryptographicOperations.ZeroMemory(message);
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(kr);
        CryptographicOperations.ZeroMemory(rejection);
        return sharedSecret;
    }
}
