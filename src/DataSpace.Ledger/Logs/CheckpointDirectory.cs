using System.Text;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Logs;

/// <summary>
/// Checkpoints as files in a directory, one signed note per file named by tree size
/// (<see cref="LedgerLayout.CheckpointFileName"/>). A file appears only complete and durable:
/// written to a hidden temporary file, fsynced, renamed without overwriting, then the directory
/// is fsynced. An existing file is never replaced, so a second, different checkpoint of a size
/// cannot silently erase the evidence of the first.
/// </summary>
public sealed class CheckpointDirectory(string path) : ICheckpointStore
{
    /// <summary>The directory.</summary>
    public string Path { get; } = path;

    /// <inheritdoc/>
    public async Task SaveAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Directory.CreateDirectory(Path);
        var text = checkpoint.Note.Format();
        var target = System.IO.Path.Combine(Path, LedgerLayout.CheckpointFileName(checkpoint.Checkpoint.Size));
        if (File.Exists(target))
        {
            EnsureSame(target, text, checkpoint.Checkpoint.Size);
            return;
        }
        var temporary = System.IO.Path.Combine(Path, $".{Guid.NewGuid():N}.partial");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temporary);
            EnsureSame(target, text, checkpoint.Checkpoint.Size);
            return;
        }
        DirectorySync.Flush(Path);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }
        var notes = new List<string>();
        foreach (var file in Directory.GetFiles(Path).Where(f => !System.IO.Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            notes.Add(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        }
        return notes;
    }

    private static void EnsureSame(string target, string text, ulong size)
    {
        if (File.ReadAllText(target) != text)
        {
            throw new InvalidOperationException($"A different checkpoint of size {size} is already stored in {target}.");
        }
    }
}
