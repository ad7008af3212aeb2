using System.Buffers.Binary;
using System.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Constants and key schedule of the STREAM payload (age spec, "Payload"): a 16-byte nonce, then
/// 64 KiB chunks sealed with ChaCha20-Poly1305 under
/// <c>HKDF-SHA-256(ikm = file key, salt = nonce, info = "payload")</c>, each with a 12-byte nonce
/// made of an 11-byte big-endian counter and a final-chunk flag byte.
/// </summary>
internal static class Payload
{
    public const int NonceSize = 16;
    public const int ChunkSize = 64 * 1024;
    public const int TagSize = 16;
    public const int SealedChunkSize = ChunkSize + TagSize;

    /// <summary>Chunks handled per read/write: 1 MiB of plaintext, so memory stays a few MiB for any size.</summary>
    public const int BatchChunks = 16;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("payload");

    public static byte[] DeriveKey(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> nonce) => AgeKdf.Derive(fileKey, nonce, Info);

    /// <summary>Writes the chunk nonce: counter (big endian, 11 bytes) || 0x01 for the final chunk else 0x00.</summary>
    public static void ChunkNonce(Span<byte> nonce, ulong counter, bool last)
    {
        // A ulong counter covers 2^64 chunks (an exabyte-scale file); the top three bytes stay zero.
        nonce[..3].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[3..11], counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }
}
