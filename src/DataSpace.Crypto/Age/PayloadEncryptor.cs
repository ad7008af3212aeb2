using System.Buffers;
using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Encrypts a plaintext stream into STREAM chunks (age spec, "Payload"). Reads a batch of chunks
/// at a time and keeps the batch's last full chunk back until the next read shows whether it is
/// the final one, so the flag is right without knowing the length in advance. While one batch is
/// being written the next is encrypted into a second buffer, and the chunks of a batch are
/// sealed on two cores (each chunk has its own nonce, so they are independent).
/// </summary>
internal static class PayloadEncryptor
{
    private const int InputBytes = Payload.BatchChunks * Payload.ChunkSize;
    private const int SealedBytes = Payload.BatchChunks * Payload.SealedChunkSize;

    public static async Task EncryptAsync(Stream plaintext, Stream output, byte[] payloadKey, CancellationToken cancellationToken)
    {
        // One cipher per core: an instance holds native state and must not be shared by threads.
        using var aead = new ChaCha20Poly1305(payloadKey);
        using var secondAead = new ChaCha20Poly1305(payloadKey);
        // Pooled: a long-running connector then reuses the same few MiB for every transfer.
        var input = ArrayPool<byte>.Shared.Rent(InputBytes);
        byte[][] sealedBuffers = [ArrayPool<byte>.Shared.Rent(SealedBytes), ArrayPool<byte>.Shared.Rent(SealedBytes)];
        var pendingWrite = Task.CompletedTask;
        try
        {
            var filled = 0;
            ulong counter = 0;
            for (var batch = 0; ; batch++)
            {
                filled += await plaintext.ReadAtLeastAsync(input.AsMemory(filled, InputBytes - filled), InputBytes - filled, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var end = filled < InputBytes;

                // Step 1: seal. At the end every remaining byte goes, and an empty plaintext still
                // gives one empty final chunk; otherwise the batch's last chunk is held back.
                var chunks = end ? Math.Max(1, (filled + Payload.ChunkSize - 1) / Payload.ChunkSize) : Payload.BatchChunks - 1;
                var sealedBuffer = sealedBuffers[batch & 1];
                var written = await SealBatchAsync(aead, secondAead, counter, chunks, filled, end, input, sealedBuffer).ConfigureAwait(false);
                counter += (ulong)chunks;

                // Step 2: write this batch while the next one is read and sealed into the other buffer.
                await pendingWrite.ConfigureAwait(false);
                pendingWrite = output.WriteAsync(sealedBuffer.AsMemory(0, written), cancellationToken).AsTask();
                if (end)
                {
                    await pendingWrite.ConfigureAwait(false);
                    return;
                }

                // Step 3: carry the held-back chunk to the front.
                input.AsSpan((Payload.BatchChunks - 1) * Payload.ChunkSize, Payload.ChunkSize).CopyTo(input);
                filled = Payload.ChunkSize;
            }
        }
        finally
        {
            // Never return while a write into the caller's stream is still running.
            await pendingWrite.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            CryptographicOperations.ZeroMemory(input.AsSpan(0, InputBytes));
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(sealedBuffers[0]);
            ArrayPool<byte>.Shared.Return(sealedBuffers[1]);
        }
    }

    /// <summary>Seals chunks [0, chunks) of the batch; the second half on another core when it is worth it.</summary>
    private static async Task<int> SealBatchAsync(ChaCha20Poly1305 aead, ChaCha20Poly1305 secondAead, ulong counter, int chunks, int filled, bool end, byte[] input, byte[] sealedBuffer)
    {
        if (chunks < 4)
        {
            return SealRange(aead, counter, 0, chunks, chunks, filled, end, input, sealedBuffer);
        }
        var half = chunks / 2;
        var second = Task.Run(() => SealRange(secondAead, counter, half, chunks, chunks, filled, end, input, sealedBuffer));
        var first = SealRange(aead, counter, 0, half, chunks, filled, end, input, sealedBuffer);
        return first + await second.ConfigureAwait(false);
    }

    /// <summary>Seals chunks [from, to) of a batch of <paramref name="chunks"/>; chunk i goes to i × the sealed chunk size.</summary>
    private static int SealRange(ChaCha20Poly1305 aead, ulong counter, int from, int to, int chunks, int filled, bool end, byte[] input, byte[] sealedBuffer)
    {
        var written = 0;
        for (var i = from; i < to; i++)
        {
            var length = Math.Min(Payload.ChunkSize, filled - (i * Payload.ChunkSize));
            var last = end && i == chunks - 1;
            written += Seal(aead, counter + (ulong)i, last, input.AsSpan(i * Payload.ChunkSize, length), sealedBuffer.AsSpan(i * Payload.SealedChunkSize));
        }
        return written;
    }

    private static int Seal(ChaCha20Poly1305 aead, ulong counter, bool last, ReadOnlySpan<byte> chunk, Span<byte> destination)
    {
        Span<byte> nonce = stackalloc byte[12];
        Payload.ChunkNonce(nonce, counter, last);
        aead.Encrypt(nonce, chunk, destination[..chunk.Length], destination.Slice(chunk.Length, Payload.TagSize));
        return chunk.Length + Payload.TagSize;
    }
}
