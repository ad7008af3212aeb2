using Microsoft.Win32.SafeHandles;

namespace DataSpace.Storage.FileSystem;

/// <summary>
/// Flushes a file being written to disk in the background, every <see cref="PageCache.ReleaseEvery"/> bytes,
/// and then releases the flushed part from the page cache (<see cref="PageCache"/>).
/// </summary>
/// <remarks>
/// A put must fsync before it publishes. Left to the end, that fsync writes the whole file out while
/// the caller waits (about a second per GiB here); started early on another thread, the disk works
/// while the content is still arriving, and the final fsync only has the tail left. At most one flush
/// runs at a time: when the disk is slower than the writer, flushes are skipped, never queued.
/// Disposing waits for the running flush (the file must stay open until it ends) and ignores its
/// failure: the put's own final fsync reports the same fault, and a put that already failed keeps
/// its first exception.
/// </remarks>
internal sealed class WriteBehind(SafeFileHandle file) : IAsyncDisposable
{
    private Task _flushing = Task.CompletedTask;
    private long _written;
    private long _flushStartedAt;

    /// <summary>Counts <paramref name="bytes"/> just written; starts a flush when enough are waiting and none runs.</summary>
    public void Written(long bytes)
    {
        _written += bytes;
        if (_written - _flushStartedAt < PageCache.ReleaseEvery || !_flushing.IsCompleted)
        {
            return;
        }
        var flushed = _flushStartedAt = _written;
        _flushing = Task.Run(() =>
        {
            RandomAccess.FlushToDisk(file);
            PageCache.Release(file, 0, flushed);
        });
    }

    public async ValueTask DisposeAsync() => await _flushing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
