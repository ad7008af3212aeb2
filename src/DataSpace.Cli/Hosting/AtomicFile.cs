namespace DataSpace.Cli.Hosting;

/// <summary>
/// An output file that appears at its path only when complete: bytes go to a hidden temporary
/// file beside it, which <see cref="CommitAsync"/> renames into place. Disposed without a commit,
/// the temporary file is deleted, so a failed or interrupted command never leaves a partial file.
/// </summary>
/// <remarks>
/// The rename makes the file appear whole or not at all to every process. Surviving an
/// operating-system crash needs an fsync too, which costs about as much as encrypting the file:
/// it is done for small files that must never be lost (key files, <c>durable: true</c>), not for
/// bulk outputs that the user can produce again (like <c>cp</c> and <c>age</c>, which never sync).
/// </remarks>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly bool _durable;
    private bool _committed;

    private AtomicFile(string path, string temporaryPath, FileStream stream, bool durable)
    {
        _durable = durable;
        _path = path;
        _temporaryPath = temporaryPath;
        Stream = stream;
    }

    /// <summary>Where to write the content.</summary>
    public FileStream Stream { get; }

    /// <summary>
    /// Starts the file; <paramref name="ownerOnly"/> creates it readable by its owner alone (for
    /// secrets); <paramref name="durable"/> syncs it to disk before it appears.
    /// </summary>
    public static AtomicFile Create(string path, bool ownerOnly = false, bool durable = false)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 1 << 16,
                Options = FileOptions.Asynchronous,
            };
            if (ownerOnly && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            var stream = new FileStream(temporary, options);
            return new AtomicFile(full, temporary, stream, durable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Output($"cannot write {path}: {e.Message}", inner: e);
        }
    }

    /// <summary>Writes a whole small file atomically.</summary>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken, bool ownerOnly = false, bool durable = false)
    {
        await using var file = Create(path, ownerOnly, durable);
        await file.Stream.WriteAsync(content, cancellationToken);
        await file.CommitAsync(cancellationToken);
    }

    /// <summary>Flushes the content to disk and moves it to its final path.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Stream.FlushAsync(cancellationToken);
            if (_durable)
            {
                Stream.Flush(flushToDisk: true);
            }
            await Stream.DisposeAsync();
            File.Move(_temporaryPath, _path, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Output($"cannot write {_path}: {e.Message}", inner: e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }
}
