using System.Security.Cryptography;

namespace DataSpace.Storage.Tests.Support;

/// <summary>
/// A non-seekable source of <see cref="Length"/> deterministic bytes that exist nowhere in memory, like
/// a network stream. It can fail, or run a callback, once a given number of bytes has been read.
/// </summary>
internal sealed class GeneratedStream(long length, int seed = 1) : Stream
{
    private long _position;

    /// <summary>Throws an <see cref="IOException"/> when a read would go past this many bytes.</summary>
    public long? FailAt { get; init; }

    /// <summary>Runs once, when a read first goes past <see cref="TriggerAt"/> bytes (before that read returns data).</summary>
    public Action? OnTrigger { get; init; }

    public long TriggerAt { get; init; } = long.MaxValue;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A generated stream does not know its length, like a network stream.");

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The byte at <paramref name="index"/> of the stream with <paramref name="seed"/>.</summary>
    public static byte At(long index, int seed) => (byte)((index * 131) ^ (index >> 11) ^ (seed * 97));

    /// <summary>All bytes of a small generated stream.</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = At(i, seed);
        }
        return bytes;
    }

    /// <summary>The SHA-256 hex of a generated stream, computed by streaming it.</summary>
    public static string Sha256Hex(long length, int seed = 1)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new GeneratedStream(length, seed);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        if (FailAt is { } failAt && _position + count > failAt)
        {
            throw new IOException($"The source failed at byte {failAt}.");
        }
        if (_position + count > TriggerAt && _position <= TriggerAt)
        {
            OnTrigger?.Invoke();
        }
        for (var i = 0; i < count; i++)
        {
            buffer[i] = At(_position + i, seed);
        }
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
