using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Ledger.Notes;

/// <summary>Key ID derivation of c2sp.org/signed-note ("Signatures").</summary>
internal static class NoteKeys
{
    public const int Ed25519PublicKeySize = 32;
    public const int Ed25519SignatureSize = 64;

    /// <summary>key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian.</summary>
    public static uint KeyId(string name, NoteSignatureType type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = (byte)type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
