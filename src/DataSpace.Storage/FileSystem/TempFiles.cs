using System.Diagnostics;
using System.Globalization;

namespace DataSpace.Storage.FileSystem;

/// <summary>
/// The hidden temporary files of a key's directory, <c>.blob.&lt;writer pid&gt;-&lt;random&gt;.tmp</c>: a put
/// writes one and renames it over <c>.blob</c>; a delete renames <c>.blob</c> to one before removing it.
/// A crash can leave one behind; it is never a blob (its name is reserved), and it is removed when the
/// store opens and by later puts and deletes of the same key, once no writer holds it.
/// </summary>
internal static class TempFiles
{
    private const string Pattern = ".blob.*.tmp";

    // A live writer holds an exclusive lock on its temp file from creation to the rename; the age margin
    // covers the instants between creating and locking, and between closing and renaming. A file whose
    // writer process is gone needs no margin: nobody will lock or rename it again. (The process id is
    // that of the writer's own PID namespace; a root shared across containers falls back to the margin
    // whenever the id names a live process here.)
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>A fresh temp path in <paramref name="directory"/>.</summary>
    public static string NewPath(string directory) =>
        Path.Join(directory, $"{FileBlobLayout.BlobFileName}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.tmp");

    /// <summary>
    /// Creates the key's directory and a new temp file in it, locked against every other writer and sweeper
    /// (on Unix .NET takes an advisory exclusive <c>flock</c> for <see cref="FileShare.None"/>).
    /// </summary>
    public static FileStream Create(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(directory);
            try
            {
                return new FileStream(NewPath(directory), new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    BufferSize = 0, // the caller writes whole chunks; a second buffer would only copy them
                });
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
                // A delete of another key pruned the (then empty) directory between the two calls: make it again.
            }
        }
    }

    /// <summary>Removes the temp files of <paramref name="directory"/> that are abandoned (see <see cref="TrySweep"/>).</summary>
    public static void SweepAbandoned(string directory)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, Pattern);
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }
        foreach (var path in candidates)
        {
            TrySweep(path);
        }
    }

    /// <summary>Removes the abandoned temp files anywhere under <paramref name="root"/>: a store opening after a crash.</summary>
    public static void SweepAbandonedBelow(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(root, Pattern, options))
        {
            TrySweep(path);
        }
    }

    /// <summary>
    /// Deletes a temp file that no writer holds and whose writer process is gone or that is old enough to
    /// be abandoned; leaves everything else.
    /// </summary>
    private static void TrySweep(string path)
    {
        try
        {
            if (WriterMayBeAlive(path) && File.GetLastWriteTimeUtc(path) > DateTime.UtcNow - AbandonedAfter)
            {
                return;
            }
            // Opening it exclusively fails while a writer holds it; deleting on close keeps the lock until it is gone.
            using var _ = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>False only when the name carries a process id and no such process runs (older names carry none).</summary>
    private static bool WriterMayBeAlive(string path)
    {
        var name = Path.GetFileName(path);
        var start = FileBlobLayout.BlobFileName.Length + 1;
        var dash = name.IndexOf('-', start);
        if (dash < 0 || !int.TryParse(name.AsSpan(start, dash - start), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Deletes a temp file, ignoring every failure: used on paths that already failed.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
