using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Encrypts a plaintext stream into STREAM chunks (age spec, "Payload"). Reads a batch of chunks
/// at a time and keeps the batch's last full chunk back until the next read shows whether it is
/// the final one, so the flag is right without knowing the length in advance. While one batch is
/// being written the next is encrypted into a second buffer.
/// </summary>
internal static class PayloadEncryptor
{
    public static async Task EncryptAsync(Stream plaintext, Stream output, byte[] payloadKey, CancellationToken cancellationToken)
    {
        using var aead = new ChaCha20Poly1305(payloadKey);
        var input = new byte[Payload.BatchChunks * Payload.ChunkSize];
        byte[][] sealedBuffers = [new byte[Payload.BatchChunks * Payload.SealedChunkSize], new byte[Payload.BatchChunks * Payload.SealedChunkSize]];
        var pendingWrite = Task.CompletedTask;
        try
        {
            var filled = 0;
            ulong counter = 0;
            for (var batch = 0; ; batch++)
            {
                filled += await plaintext.ReadAtLeastAsync(input.AsMemory(filled), input.Length - filled, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var end = filled < input.Length;

                // Step 1: seal. At the end every remaining byte goes, and an empty plaintext still
                // gives one empty final chunk; otherwise the batch's last chunk is held back.
                var chunks = end ? Math.Max(1, (filled + Payload.ChunkSize - 1) / Payload.ChunkSize) : Payload.BatchChunks - 1;
                var sealedBuffer = sealedBuffers[batch & 1];
                var written = 0;
                for (var i = 0; i < chunks; i++)
                {
                    var length = Math.Min(Payload.ChunkSize, filled - (i * Payload.ChunkSize));
                    var last = end && i == chunks - 1;
                    written += Seal(aead, counter++, last, input.AsSpan(i * Payload.ChunkSize, length), sealedBuffer.AsSpan(written));
                }

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
            CryptographicOperations.ZeroMemory(input);
        }
    }

    private static int Seal(ChaCha20Poly1305 aead, ulong counter, bool last, ReadOnlySpan<byte> chunk, Span<byte> destination)
    {
        Span<byte> nonce = stackalloc byte[12];
        Payload.ChunkNonce(nonce, counter, last);
        aead.Encrypt(nonce, chunk, destination[..chunk.Length], destination.Slice(chunk.Length, Payload.TagSize));
        return chunk.Length + Payload.TagSize;
    }
}
