using System.Buffers;
using System.Security.Cryptography;

namespace DataSpace.Storage;

/// <summary>
/// Reads a source in fixed chunks from one pooled buffer, hashing each chunk with SHA-256 before it is
/// handed on: the whole content is never in memory, and the digest is of exactly the bytes stored.
/// </summary>
internal sealed class HashingCopy : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer;

    public HashingCopy(int chunkBytes)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        ChunkBytes = chunkBytes;
    }

    public int ChunkBytes { get; }

    /// <summary>Bytes read so far.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// Fills the buffer with the next chunk (short only at the end of the source), hashes it and returns it;
    /// empty at the end.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadChunkAsync(Stream source, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < ChunkBytes)
        {
            var read = await source.ReadAsync(_buffer.AsMemory(filled, ChunkBytes - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        _sha256.AppendData(_buffer, 0, filled);
        Size += filled;
        return _buffer.AsMemory(0, filled);
    }

    /// <summary>The SHA-256 of everything read, lowercase hex.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_sha256.GetHashAndReset());

    public void Dispose()
    {
        _sha256.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
