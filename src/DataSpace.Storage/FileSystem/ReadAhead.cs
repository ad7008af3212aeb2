using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace DataSpace.Storage.FileSystem;

/// <summary>
/// Reads a file in aligned blocks through a direct handle (<see cref="DirectRead"/>), one block
/// ahead of its reader: while the reader takes bytes out of the current block, the next one is
/// read from the disk on another thread, so the reader rarely waits for the disk.
/// </summary>
/// <remarks>
/// Two blocks of memory are used in turn. A read in flight writes into one of them, so it is
/// always awaited before that block is reused, and disposing waits for it too. Any position may
/// be read (a seek just reads another block), but sequential reading is what it is for. The
/// blocks are kept for the next reader (a few at most), so a long-running store does not take new
/// memory for every big read.
/// </remarks>
internal sealed class ReadAhead : IDisposable
{
    /// <summary>Bytes per block: a multiple of <see cref="DirectRead.Alignment"/>.</summary>
    public const int BlockBytes = 1 << 20;

    private const int PooledBlocks = 8;
    private static readonly ConcurrentStack<Memory<byte>> Pool = new();

    private readonly SafeFileHandle _file;
    private readonly long _length;
    private Memory<byte> _current = RentBlock();
    private Memory<byte> _spare = RentBlock();
    private long _currentOffset = -1;
    private int _currentLength;
    private Task<int>? _ahead;
    private Task<int>? _loading;
    private long _aheadOffset = -1;
    private bool _disposed;

    /// <summary>Reads <paramref name="file"/>, which is <paramref name="length"/> bytes long and owned (and closed) by this reader.</summary>
    public ReadAhead(SafeFileHandle file, long length)
    {
        _file = file;
        _length = length;
    }

    /// <summary>Copies bytes from file position <paramref name="position"/> into <paramref name="destination"/>: at most to the end of one block; 0 at the end of the file.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, long position)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.IsEmpty || position >= _length)
        {
            return 0;
        }
        var blockOffset = position - (position % BlockBytes);
        if (blockOffset != _currentOffset)
        {
            await LoadAsync(blockOffset).ConfigureAwait(false);
        }
        var within = (int)(position - blockOffset);
        var count = Math.Min(destination.Length, _currentLength - within);
        _current.Span.Slice(within, count).CopyTo(destination.Span);
        return count;
    }

    /// <summary>Waits for the reads in flight (they write into memory of this reader) and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var read in new Task?[] { _ahead, _loading })
        {
            read?.ContinueWith(static _ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
        }
        _file.Dispose();
        ReturnBlock(_current);
        ReturnBlock(_spare);
    }

    /// <summary>Makes the block at <paramref name="blockOffset"/> current (the one read ahead, if it is that one) and starts reading the next.</summary>
    private async Task LoadAsync(long blockOffset)
    {
        int length;
        if (_ahead is { } ahead && _aheadOffset == blockOffset)
        {
            _ahead = null;
            length = await ahead.ConfigureAwait(false);
            (_current, _spare) = (_spare, _current);
        }
        else
        {
            if (_ahead is { } stale)
            {
                // A seek: the block read ahead is not wanted, but its read must end before its memory is reused.
                _ahead = null;
                await ((Task)stale).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            _currentOffset = -1;
            var block = _current;
            _loading = Task.Run(() => ReadBlock(block, blockOffset));
            length = await _loading.ConfigureAwait(false);
        }
        _currentOffset = blockOffset;
        _currentLength = length;
        var next = blockOffset + BlockBytes;
        if (next < _length)
        {
            var spare = _spare;
            _aheadOffset = next;
            _ahead = Task.Run(() => ReadBlock(spare, next));
        }
    }

    /// <summary>Reads the block at <paramref name="offset"/> whole: to the block's end, or the file's.</summary>
    private int ReadBlock(Memory<byte> block, long offset)
    {
        var expected = (int)Math.Min(BlockBytes, _length - offset);
        var filled = 0;
        while (filled < expected)
        {
            var read = RandomAccess.Read(_file, block.Span[filled..], offset + filled);
            if (read == 0)
            {
                break;
            }
            filled += read;
            if (filled % DirectRead.Alignment != 0)
            {
                break; // only the file's last block ends off the alignment
            }
        }
        if (filled < expected)
        {
            throw new IOException($"The blob file ended {expected - filled} bytes early at offset {offset + filled}: it changed while it was read.");
        }
        return filled;
    }

    private static Memory<byte> RentBlock() => Pool.TryPop(out var block) ? block : DirectRead.AllocateAligned(BlockBytes);

    private static void ReturnBlock(Memory<byte> block)
    {
        if (Pool.Count < PooledBlocks)
        {
            Pool.Push(block);
        }
    }
}
