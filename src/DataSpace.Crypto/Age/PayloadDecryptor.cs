using System.Buffers;
using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Decrypts STREAM chunks (age spec, "Payload") and writes each chunk's plaintext only after
/// that chunk authenticated. Mirrors the reference reader's rules: a full chunk may be the final
/// one (tried both ways, the expected flag first); a short chunk must be final; the final chunk
/// may be empty only when it is the only chunk; the file must end right after the final chunk.
/// Plaintext released before a failure is exactly what authenticated before it.
/// </summary>
internal static class PayloadDecryptor
{
    private const int InputBytes = Payload.BatchChunks * Payload.SealedChunkSize;
    private const int PlainBytes = Payload.BatchChunks * Payload.ChunkSize;

    private enum Opened
    {
        AsMiddle,
        AsFinal,
        Failed,
    }

    public static async Task<long> DecryptAsync(BufferedSource source, Stream output, byte[] payloadKey, CancellationToken cancellationToken)
    {
        using var aead = new ChaCha20Poly1305(payloadKey);
        // Pooled: a long-running connector then reuses the same few MiB for every transfer.
        var input = ArrayPool<byte>.Shared.Rent(InputBytes);
        byte[][] plainBuffers = [ArrayPool<byte>.Shared.Rent(PlainBytes), ArrayPool<byte>.Shared.Rent(PlainBytes)];
        var pendingWrite = Task.CompletedTask;
        var filled = 0;
        ulong counter = 0;
        long released = 0;
        try
        {
            for (var batch = 0; ; batch++)
            {
                filled += await source.ReadFullAsync(input.AsMemory(filled, InputBytes - filled), cancellationToken).ConfigureAwait(false);
                var end = filled < InputBytes;

                // Step 1: open the chunks of this batch; when the stream has not ended, the last
                // full chunk is held back, since only the next read shows whether it is final.
                var plain = plainBuffers[batch & 1];
                var (opened, failure, done) = end
                    ? OpenFinalSegment(aead, input.AsSpan(0, filled), plain, ref counter)
                    : OpenMiddleSegment(aead, input.AsSpan(0, (Payload.BatchChunks - 1) * Payload.SealedChunkSize), plain, ref counter);

                // Step 2: release what authenticated, in order, while the next batch is opened
                // into the other buffer; then report a failure.
                await pendingWrite.ConfigureAwait(false);
                pendingWrite = output.WriteAsync(plain.AsMemory(0, opened), cancellationToken).AsTask();
                released += opened;
                if (failure is not null || done)
                {
                    await pendingWrite.ConfigureAwait(false);
                }
                if (failure is not null)
                {
                    throw new AgeException(AgeErrorKind.Payload, $"Invalid age payload at chunk {counter}: {failure}.");
                }
                if (done)
                {
                    return released;
                }

                // Step 3: carry the held-back chunk to the front.
                input.AsSpan((Payload.BatchChunks - 1) * Payload.SealedChunkSize, Payload.SealedChunkSize).CopyTo(input);
                filled = Payload.SealedChunkSize;
            }
        }
        finally
        {
            // Never return while a write into the caller's stream is still running.
            await pendingWrite.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            foreach (var plain in plainBuffers)
            {
                CryptographicOperations.ZeroMemory(plain.AsSpan(0, PlainBytes));
                ArrayPool<byte>.Shared.Return(plain);
            }
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>Full chunks, each known to be followed by more data.</summary>
    private static (int Opened, string? Failure, bool Done) OpenMiddleSegment(ChaCha20Poly1305 aead, ReadOnlySpan<byte> input, Span<byte> plain, ref ulong counter)
    {
        var opened = 0;
        for (var offset = 0; offset < input.Length; offset += Payload.SealedChunkSize)
        {
            var result = Open(aead, counter, input.Slice(offset, Payload.SealedChunkSize), plain[opened..], finalFirst: false);
            if (result == Opened.Failed)
            {
                return (opened, "chunk failed to authenticate", true);
            }
            opened += Payload.ChunkSize;
            counter++;
            if (result == Opened.AsFinal)
            {
                return (opened, "data follows the final chunk", true);
            }
        }
        return (opened, null, false);
    }

    /// <summary>The rest of the stream: full chunks, then maybe one short chunk, then the end.</summary>
    private static (int Opened, string? Failure, bool Done) OpenFinalSegment(ChaCha20Poly1305 aead, ReadOnlySpan<byte> input, Span<byte> plain, ref ulong counter)
    {
        if (input.IsEmpty)
        {
            return (0, counter == 0 ? "the payload has no chunks" : "the payload ends without a final chunk", true);
        }
        var opened = 0;
        var offset = 0;
        while (offset < input.Length)
        {
            var length = Math.Min(Payload.SealedChunkSize, input.Length - offset);
            var atEnd = offset + length == input.Length;
            if (length < Payload.TagSize)
            {
                return (opened, "the final chunk is shorter than its tag", true);
            }
            if (length == Payload.TagSize && counter != 0)
            {
                return (opened, "the final chunk is empty", true);
            }
            var chunk = input.Slice(offset, length);
            var result = length < Payload.SealedChunkSize
                ? (OpenAs(aead, counter, last: true, chunk, plain[opened..]) ? Opened.AsFinal : Opened.Failed)
                : Open(aead, counter, chunk, plain[opened..], finalFirst: atEnd);
            if (result == Opened.Failed)
            {
                return (opened, "chunk failed to authenticate", true);
            }
            opened += length - Payload.TagSize;
            counter++;
            offset += length;
            if (result == Opened.AsFinal && !atEnd)
            {
                return (opened, "data follows the final chunk", true);
            }
            if (result == Opened.AsMiddle && atEnd)
            {
                return (opened, "the payload ends without a final chunk", true);
            }
        }
        return (opened, null, true);
    }

    /// <summary>A full-size chunk may be a middle or the final chunk; try the likelier flag first.</summary>
    private static Opened Open(ChaCha20Poly1305 aead, ulong counter, ReadOnlySpan<byte> chunk, Span<byte> plain, bool finalFirst)
    {
        if (OpenAs(aead, counter, finalFirst, chunk, plain))
        {
            return finalFirst ? Opened.AsFinal : Opened.AsMiddle;
        }
        if (OpenAs(aead, counter, !finalFirst, chunk, plain))
        {
            return finalFirst ? Opened.AsMiddle : Opened.AsFinal;
        }
        return Opened.Failed;
    }

    private static bool OpenAs(ChaCha20Poly1305 aead, ulong counter, bool last, ReadOnlySpan<byte> chunk, Span<byte> plain)
    {
        Span<byte> nonce = stackalloc byte[12];
        Payload.ChunkNonce(nonce, counter, last);
        var length = chunk.Length - Payload.TagSize;
        try
        {
            aead.Decrypt(nonce, chunk[..length], chunk[length..], plain[..length]);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
