using System.Runtime.CompilerServices;

namespace DataSpace.Storage.FileSystem;

/// <summary>
/// The embedded blob store: one directory per key under <see cref="Root"/>, each holding the blob file
/// <c>.blob</c> (a JSON header line with digest, time and metadata, then the content; see
/// <see cref="BlobFile"/> and docs/formats.md, "Asset stores").
/// </summary>
/// <remarks>
/// <para>Atomicity: a put writes a hidden temp file in the key's directory, fsyncs it and renames it over
/// <c>.blob</c>. rename(2) replaces the name in one step, so a reader opens either the old file or the new
/// one, whole, and keeps reading that one even if it is replaced or deleted meanwhile (POSIX keeps an
/// open file's data; on Windows the reader shares delete access for the same effect). A put that fails,
/// is cancelled or dies before the rename leaves only a temp file that no operation shows.</para>
/// <para>Several processes may share a root. Keys differing only in case collide on case-insensitive
/// file systems (Windows, macOS by default). The root must belong to the connector: links placed inside
/// it by someone else are followed.</para>
/// </remarks>
public sealed class FileSystemBlobStore : IBlobStore
{
    // Large enough that a 1 GiB put is a thousand writes, small enough to be nothing next to the process.
    private const int ChunkBytes = 1 << 20;
    private const int ContentBufferBytes = 64 * 1024;

    private readonly FileBlobLayout _layout;

    /// <summary>
    /// Opens the store in <paramref name="root"/>, creating the directory if it is missing, and removes the
    /// temp files of puts whose process died.
    /// </summary>
    public FileSystemBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Directory.CreateDirectory(Root);
        _layout = new FileBlobLayout(Root);
        // A process that died mid-put left its temp file; nothing else would remove it until the same key is written again.
        TempFiles.SweepAbandonedBelow(Root);
    }

    /// <summary>The full path of the store's directory.</summary>
    public string Root { get; }

    /// <inheritdoc/>
    public Task<BlobInfo> PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken = default) => PutAsync(key, content, metadata, check: null, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// <para>Step 1: check key, source and metadata before touching the disk.</para>
    /// <para>Step 2: create a locked temp file in the key's directory (sweeping temp files abandoned by crashes).</para>
    /// <para>Step 3: write the header with empty digest and time slots, then the content chunk by chunk, hashing it
    /// (and flushing to disk in the background as it goes, see <see cref="WriteBehind"/>).</para>
    /// <para>Step 4: ask the caller's check, if any; seal the header with the digest and the time, and fsync the file.</para>
    /// <para>Step 5: publish: rename over <c>.blob</c>, then fsync the directory so the rename survives a crash.</para>
    /// </remarks>
    public async Task<BlobInfo> PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, PublishCheck? check,
        CancellationToken cancellationToken = default)
    {
        // Step 1
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        var metadataJson = BlobMetadata.Encode(metadata);
        var directory = _layout.DirectoryOf(key);

        // Step 2
        TempFiles.SweepAbandoned(directory);
        var file = TempFiles.Create(directory);
        var tempPath = file.Name;
        try
        {
            BlobInfo info;
            await using (file.ConfigureAwait(false))
            {
                // Step 3
                await file.WriteAsync(BlobFile.Header(metadataJson), cancellationToken).ConfigureAwait(false);
                using var copy = new HashingCopy(ChunkBytes);
                await using var writeBehind = new WriteBehind(file.SafeFileHandle);
                while (await copy.ReadChunkAsync(content, cancellationToken).ConfigureAwait(false) is { IsEmpty: false } chunk)
                {
                    await file.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                    writeBehind.Written(chunk.Length);
                }

                // Step 4
                var sha256 = copy.Sha256Hex();
                if (check is not null)
                {
                    await check(copy.Size, sha256, cancellationToken).ConfigureAwait(false);
                }
                var createdAt = BlobTime.Now();
                BlobFile.Seal(file.SafeFileHandle, sha256, createdAt);
                await writeBehind.DisposeAsync().ConfigureAwait(false);
                file.Flush(flushToDisk: true);
                info = new BlobInfo(key, copy.Size, sha256, Copy(metadata), createdAt);
            }

            // Step 5: the last point where cancellation still means "nothing published".
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(tempPath, FileBlobLayout.BlobFile(directory), overwrite: true);
            DirectorySync.Flush(directory);
            return info;
        }
        catch
        {
            TempFiles.TryDelete(tempPath);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<OpenedBlob?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var file = TryOpen(key, ContentBufferBytes);
        if (file is null)
        {
            return null;
        }
        try
        {
            var header = await BlobFile.ReadHeaderAsync(file, key, cancellationToken).ConfigureAwait(false);
            var content = new ContentStream(file, header.ContentOffset);
            return new OpenedBlob(Info(key, header, content.Length), content);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return await ReadInfoAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return Task.FromResult(File.Exists(FileBlobLayout.BlobFile(_layout.DirectoryOf(key))));
    }

    /// <inheritdoc/>
    /// <remarks>The blob file is first renamed to a temp name: the rename takes it out of sight in one step,
    /// and exactly one of several concurrent deletes finds it there to rename.</remarks>
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var directory = _layout.DirectoryOf(key);
        var doomed = TempFiles.NewPath(directory);
        try
        {
            File.Move(FileBlobLayout.BlobFile(directory), doomed, overwrite: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }
        File.Delete(doomed);
        DirectorySync.Flush(directory);
        TempFiles.SweepAbandoned(directory);
        PruneEmptyDirectories(directory);
        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        foreach (var key in FileBlobListing.Keys(_layout, prefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A blob deleted between the directory walk and this read is simply not listed.
            if (await ReadInfoAsync(key, cancellationToken).ConfigureAwait(false) is { } info)
            {
                yield return info;
            }
        }
    }

    private async Task<BlobInfo?> ReadInfoAsync(string key, CancellationToken cancellationToken)
    {
        await using var file = TryOpen(key, bufferSize: 0);
        if (file is null)
        {
            return null;
        }
        var header = await BlobFile.ReadHeaderAsync(file, key, cancellationToken).ConfigureAwait(false);
        return Info(key, header, file.Length - header.ContentOffset);
    }

    /// <summary>Opens the blob file of <paramref name="key"/>; null if there is none.</summary>
    /// <param name="key">The blob.</param>
    /// <param name="bufferSize">The stream's read buffer: none when only the header is read, which would otherwise read (and clear) a whole buffer's worth.</param>
    private FileStream? TryOpen(string key, int bufferSize)
    {
        try
        {
            // Delete sharing lets a put rename over, or a delete remove, a file that is being read (Windows;
            // POSIX allows it anyway); the reader keeps the version it opened.
            return new FileStream(FileBlobLayout.BlobFile(_layout.DirectoryOf(key)), FileMode.Open, FileAccess.Read,
                FileShare.Read | FileShare.Delete, bufferSize, useAsync: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    // Empty key directories left by deletes are removed up to the root, so the tree does not only grow.
    // A put that races with this recreates its directory (TempFiles.Create).
    private void PruneEmptyDirectories(string directory)
    {
        for (var current = directory; !_layout.IsRoot(current); current = Path.GetDirectoryName(current)!)
        {
            try
            {
                Directory.Delete(current);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return; // not empty: it holds another key, or a temp file of a put in progress
            }
        }
    }

    private static BlobInfo Info(string key, BlobFileHeader header, long size) =>
        new(key, size, header.Sha256, header.Metadata, header.CreatedAt);

    private static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> metadata) =>
        new Dictionary<string, string>(metadata, StringComparer.Ordinal).AsReadOnly();
}
