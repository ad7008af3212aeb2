using Microsoft.Win32.SafeHandles;

namespace DataSpace.Ledger.Storage;

/// <summary>One segment file, open for positional reads (thread-safe <see cref="RandomAccess"/>).</summary>
internal sealed class Segment(ulong firstIndex, string path) : IDisposable
{
    private SafeFileHandle? _read;

    public ulong FirstIndex { get; } = firstIndex;

    public string Path { get; } = path;

    public SafeFileHandle ReadHandle
    {
        get
        {
            if (Volatile.Read(ref _read) is { } handle)
            {
                return handle;
            }
            var opened = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var winner = Interlocked.CompareExchange(ref _read, opened, null);
            if (winner is not null)
            {
                opened.Dispose();
                return winner;
            }
            return opened;
        }
    }

    public void Dispose() => _read?.Dispose();
}
