using System.Text;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// Cosignatures as files beside a file ledger: <c>&lt;ledger dir&gt;/cosignatures/&lt;size:D20&gt;/&lt;witness&gt;</c>,
/// each the note <see cref="CosignatureIntake"/> accepted (the checkpoint, the log's signature and
/// that witness's cosignature), so every file can be checked on its own. A file MUST appear only
/// complete and durable: it is written to a hidden temporary file, fsynced, renamed over the
/// witness's earlier one, then the directory is fsynced. Witness names are participant ids, which
/// cannot hold a path separator or start with a dot.
/// </summary>
/// <param name="path">The <c>cosignatures</c> directory.</param>
public sealed class FileCosignatureStore(string path) : ICosignatureStore
{
    /// <summary>The directory's name inside a ledger directory.</summary>
    public const string DirectoryName = "cosignatures";

    /// <summary>The directory.</summary>
    public string Path { get; } = path;

    /// <summary>The store of the ledger in <paramref name="ledgerDirectory"/>.</summary>
    public static FileCosignatureStore InLedger(string ledgerDirectory) => new(System.IO.Path.Combine(ledgerDirectory, DirectoryName));

    /// <inheritdoc/>
    public async Task SaveAsync(AcceptedCosignature cosignature, CancellationToken cancellationToken = default)
    {
        var witness = CosignatureWitness.StorageName(cosignature);
        if (!Directory.Exists(Path))
        {
            Directory.CreateDirectory(Path);
            DirectorySync.Flush(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        }
        var directory = SizeDirectory(cosignature.Size);
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            DirectorySync.Flush(Path);
        }
        var temporary = System.IO.Path.Combine(directory, $".{Guid.NewGuid():N}.partial");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(cosignature.Note), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, System.IO.Path.Combine(directory, witness), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        DirectorySync.Flush(directory);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> LoadAsync(ulong size, CancellationToken cancellationToken = default)
    {
        var directory = SizeDirectory(size);
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var notes = new List<string>();
        foreach (var file in Directory.GetFiles(directory).Where(f => !System.IO.Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            notes.Add(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        }
        return notes;
    }

    private string SizeDirectory(ulong size) => System.IO.Path.Combine(Path, LedgerLayout.CheckpointFileName(size));
}
