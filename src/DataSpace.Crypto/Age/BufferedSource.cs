namespace DataSpace.Crypto.Age;

/// <summary>
/// A read buffer over a <see cref="Stream"/> that can hand out lines (for the textual header and
/// the armor) and then pass the remaining bytes on (for the binary payload) without losing what
/// was read ahead. Lines are bounded by the buffer size, so memory stays bounded.
/// </summary>
internal sealed class BufferedSource
{
    private readonly Stream _inner;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;

    public BufferedSource(Stream inner, int capacity)
    {
        _inner = inner;
        _buffer = new byte[capacity];
    }

    public enum LineEnd
    {
        /// <summary>The line ends with LF (included in the returned line).</summary>
        Newline,

        /// <summary>The stream ended; the returned bytes (maybe none) have no LF.</summary>
        EndOfStream,

        /// <summary>No LF within the buffer capacity; nothing was consumed.</summary>
        TooLong,
    }

    /// <summary>Takes the next line if it is already buffered: the fast path for armor, one line every 65 bytes.</summary>
    public bool TryReadBufferedLine(out ReadOnlyMemory<byte> line)
    {
        var index = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
        if (index < 0)
        {
            line = default;
            return false;
        }
        line = _buffer.AsMemory(_start, index + 1);
        _start += index + 1;
        return true;
    }

    /// <summary>Reads the next line. The memory is valid until the next call.</summary>
    public async ValueTask<(ReadOnlyMemory<byte> Line, LineEnd End)> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var index = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (index >= 0)
            {
                var line = _buffer.AsMemory(_start, scanned + index + 1);
                _start += line.Length;
                return (line, LineEnd.Newline);
            }
            scanned = _end - _start;
            if (_endOfStream)
            {
                var rest = _buffer.AsMemory(_start, scanned);
                _start = _end;
                return (rest, LineEnd.EndOfStream);
            }
            if (scanned == _buffer.Length)
            {
                return (ReadOnlyMemory<byte>.Empty, LineEnd.TooLong);
            }
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns up to <paramref name="count"/> bytes without consuming them; fewer only at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> PeekAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count && !_endOfStream)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
        return _buffer.AsMemory(_start, Math.Min(count, _end - _start));
    }

    /// <summary>Fills <paramref name="destination"/> completely unless the stream ends first; returns the count read.</summary>
    public async ValueTask<int> ReadFullAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var buffered = Math.Min(destination.Length, _end - _start);
        _buffer.AsMemory(_start, buffered).CopyTo(destination);
        _start += buffered;
        if (buffered == destination.Length || _endOfStream)
        {
            return buffered;
        }
        var read = await _inner.ReadAtLeastAsync(destination[buffered..], destination.Length - buffered, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (buffered + read < destination.Length)
        {
            _endOfStream = true;
        }
        return buffered + read;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        var read = await _inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
        }
        _end += read;
    }
}
