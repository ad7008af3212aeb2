namespace DataSpace.Storage.FileSystem;

/// <summary>
/// The hidden temporary files of a key's directory, <c>.blob.&lt;random&gt;.tmp</c>: a put writes one and
/// renames it over <c>.blob</c>; a delete renames <c>.blob</c> to one before removing it. A crash can
/// leave one behind; it is never a blob (its name is reserved) and a later put or delete of the same
/// key removes it once no writer holds it.
/// </summary>
internal static class TempFiles
{
    private const string Pattern = ".blob.*.tmp";

    // A live writer holds an exclusive lock on its temp file from creation to the rename; the age margin
    // covers the instants between creating and locking, and between closing and renaming.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>A fresh temp path in <paramref name="directory"/>.</summary>
    public static string NewPath(string directory) => Path.Join(directory, $"{FileBlobLayout.BlobFileName}.{Guid.NewGuid():N}.tmp");

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

    /// <summary>Removes temp files that no writer holds any more and that are old enough to be abandoned.</summary>
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
            try
            {
                if (File.GetLastWriteTimeUtc(path) > DateTime.UtcNow - AbandonedAfter)
                {
                    continue;
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
