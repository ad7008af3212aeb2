using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// HKDF-SHA-256 with a 32-byte output, the only KDF shape the age spec uses ("Conventions": the
/// header MAC key, the payload key and the X25519 wrap key are all derived this way, RFC 5869).
/// </summary>
internal static class AgeKdf
{
    public const int KeySize = 32;

    public static byte[] Derive(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info)
    {
        var key = new byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, key, salt, info);
        return key;
    }
}
