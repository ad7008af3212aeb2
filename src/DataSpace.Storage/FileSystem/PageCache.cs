using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DataSpace.Storage.FileSystem;

/// <summary>
/// Tells the kernel that a range of a file is not needed in memory any more (Linux
/// <c>posix_fadvise(POSIX_FADV_DONTNEED)</c>; elsewhere nothing), as <c>dd oflag=nocache</c> does.
/// </summary>
/// <remarks>
/// A connector streams blobs far larger than anything it will read again soon. Left in the page
/// cache, each GiB written takes a GiB of fresh pages, and allocating fresh pages costs more than
/// the copy itself (on a VM, several times more: measured 5 s against 0.4 s per GiB of writes).
/// Released once flushed, the same pages are reused for the next part of the file. Advice only:
/// failures are ignored, and dirty pages are never dropped by it.
/// </remarks>
internal static class PageCache
{
    /// <summary>How much a writer or reader lets pass before it releases it (and a writer flushes it).</summary>
    public const long ReleaseEvery = 64L << 20;

    private const int DontNeed = 4;

    public static void Release(SafeFileHandle file, long offset, long length)
    {
        if (!OperatingSystem.IsLinux() || file.IsClosed)
        {
            return;
        }
        _ = PosixFadvise(file, offset, length, DontNeed);
    }

    [DllImport("libc", EntryPoint = "posix_fadvise", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int PosixFadvise(SafeFileHandle fd, long offset, long length, int advice);
}
