using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Crypto.Signatures;

/// <summary>
/// The key hash (key ID) of c2sp.org/signed-note, "Signatures": the first four bytes, big-endian,
/// of SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key). Verifier keys, signed-JSON key ids
/// and note signatures all use it.
/// </summary>
public static class NoteKeyHash
{
    /// <summary>Computes the key hash of a named key of the given signature type.</summary>
    public static uint Compute(string name, byte signatureType, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = signatureType;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
