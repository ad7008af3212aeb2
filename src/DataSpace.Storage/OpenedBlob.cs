namespace DataSpace.Storage;

/// <summary>
/// A blob opened for reading: the version's description and a read-only stream of exactly its
/// <see cref="BlobInfo.Size"/> bytes. Disposing it releases the file handle or the HTTP response.
/// </summary>
public sealed class OpenedBlob : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>Pairs a description with the stream that reads it; <paramref name="owner"/>, when given,
    /// is disposed after the stream (e.g. the HTTP response the stream comes from).</summary>
    public OpenedBlob(BlobInfo info, Stream content, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(content);
        Info = info;
        Content = content;
        _owner = owner;
    }

    /// <summary>The version being read.</summary>
    public BlobInfo Info { get; }

    /// <summary>The content, forward-only in general (seekable for the file-system store); its length is
    /// <see cref="BlobInfo.Size"/>.</summary>
    public Stream Content { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }
}
