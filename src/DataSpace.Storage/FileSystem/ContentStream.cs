namespace DataSpace.Storage.FileSystem;

/// <summary>
/// A read-only, seekable view of a blob file's content: the bytes after the header line, with positions
/// and length relative to the content. Owns the file handle. What it has read is released from the
/// page cache every <see cref="PageCache.ReleaseEvery"/> bytes, as puts release what they wrote
/// (see <see cref="PageCache"/>).
/// </summary>
internal sealed class ContentStream(FileStream file, long offset) : Stream
{
    private readonly long _length = file.Length - offset;
    private long _released;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => file.Position - offset;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            file.Position = offset + value;
        }
    }

    public override int Read(byte[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<byte> buffer) => ReadBehind(file.Read(buffer[..Clamp(buffer.Length)]));

    public override Task<int> ReadAsync(byte[] buffer, int index, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(index, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadBehind(await file.ReadAsync(buffer[..Clamp(buffer.Length)], cancellationToken).ConfigureAwait(false));

    public override long Seek(long distance, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => distance,
            SeekOrigin.Current => Position + distance,
            SeekOrigin.End => _length + distance,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return Position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("Blob content is read-only.");

    public override void Write(byte[] buffer, int index, int count) => throw new NotSupportedException("Blob content is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int ReadBehind(int read)
    {
        var position = file.Position;
        if (position - _released >= PageCache.ReleaseEvery)
        {
            PageCache.Release(file.SafeFileHandle, _released, position - _released);
            _released = position;
        }
        return read;
    }

    // A published blob file never changes, but a reader must not stray past the content whatever happens.
    private int Clamp(int count) => (int)Math.Clamp(_length - Position, 0, count);
}
