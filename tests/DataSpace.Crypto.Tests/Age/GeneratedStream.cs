namespace DataSpace.Crypto.Tests.Age;

/// <summary>Deterministic bytes produced on demand, never held in memory.</summary>
internal sealed class GeneratedStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Odd-sized reads, so the encryptor must assemble its chunks across calls.
        var count = (int)Math.Min(Math.Min(buffer.Length, 100_003), length - _position);
        for (var i = 0; i < count; i++)
        {
            var x = (ulong)(_position + i) * 0x9E3779B97F4A7C15UL;
            buffer[i] = (byte)(x >> 56);
        }
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
