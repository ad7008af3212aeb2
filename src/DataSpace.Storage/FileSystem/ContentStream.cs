using System.Buffers;

namespace DataSpace.Storage.FileSystem;

/// <summary>
/// A read-only, seekable view of a blob file's content: the bytes after the header line, with positions
/// and length relative to the content. Owns the file handle. A blob of at least
/// <see cref="PageCache.ReleaseEvery"/> bytes is read past the page cache where the system allows it
/// (<see cref="ReadAhead"/>); a smaller one, or where it does not, through the page cache, releasing what
/// it has read every <see cref="PageCache.ReleaseEvery"/> bytes, as puts release what they wrote
/// (see <see cref="PageCache"/>).
/// </summary>
internal sealed class ContentStream : Stream
{
    private readonly FileStream _file;
    private readonly long _offset;
    private readonly long _length;
    private readonly ReadAhead? _direct;
    private long _position;
    private long _released;

    public ContentStream(FileStream file, long offset)
    {
        _file = file;
        _offset = offset;
        _length = file.Length - offset;
        // Small blobs are read again soon (and are cheap to cache); big ones are what the cache would churn for.
        if (_length >= PageCache.ReleaseEvery && DirectRead.TryReopen(file.SafeFileHandle) is { } direct)
        {
            _direct = new ReadAhead(direct, file.Length);
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<byte> buffer)
    {
        if (_direct is not null)
        {
            // Rare (streams are read asynchronously here); the direct reads run on the thread pool either way.
            var rented = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length, ReadAhead.BlockBytes));
            try
            {
                var read = ReadAsync(rented.AsMemory(0, Math.Min(buffer.Length, rented.Length))).AsTask().GetAwaiter().GetResult();
                rented.AsSpan(0, read).CopyTo(buffer);
                return read;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        MoveFileTo(_position);
        return Advance(_file.Read(buffer[..Clamp(buffer.Length)]));
    }

    public override Task<int> ReadAsync(byte[] buffer, int index, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(index, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_direct is not null)
        {
            return Advance(await _direct.ReadAsync(buffer[..Clamp(buffer.Length)], _offset + _position).ConfigureAwait(false));
        }
        MoveFileTo(_position);
        return Advance(await _file.ReadAsync(buffer[..Clamp(buffer.Length)], cancellationToken).ConfigureAwait(false));
    }

    public override long Seek(long distance, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => distance,
            SeekOrigin.Current => _position + distance,
            SeekOrigin.End => _length + distance,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
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
            _direct?.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _direct?.Dispose();
        await _file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Advance(int read)
    {
        _position += read;
        if (_direct is null && _position - _released >= PageCache.ReleaseEvery)
        {
            PageCache.Release(_file.SafeFileHandle, _offset + _released, _position - _released);
            _released = _position;
        }
        return read;
    }

    // The file stream keeps its own position (and buffer): only a seek moves it.
    private void MoveFileTo(long position)
    {
        if (_file.Position != _offset + position)
        {
            _file.Position = _offset + position;
        }
    }

    // A published blob file never changes, but a reader must not stray past the content whatever happens.
    private int Clamp(int count) => (int)Math.Clamp(_length - _position, 0, count);
}
