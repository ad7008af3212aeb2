namespace DataSpace.Storage;

/// <summary>
/// A connector's blob store: its own assets (plaintext, labelled through metadata) on the provider
/// side, and received data (age-encrypted at rest) on the consumer side. Implementations:
/// <see cref="FileSystem.FileSystemBlobStore"/> (embedded default) and <see cref="Azure.AzureBlobStore"/>.
/// </summary>
/// <remarks>
/// <para>Guarantees every implementation MUST give (the shared contract tests hold them to it):</para>
/// <list type="bullet">
/// <item><b>Streaming.</b> A put reads its source once, front to back, in bounded chunks: memory stays
/// flat whatever the size, and the source need not be seekable or know its length.</item>
/// <item><b>Atomic publication.</b> A put publishes content, size, digest and metadata in one step. Until
/// then nothing is visible under the key (or the previous version stays visible, whole); a put that fails,
/// is cancelled or whose process dies leaves nothing visible. A reader sees one version from start to end.</item>
/// <item><b>Overwrite.</b> A put to an existing key replaces it atomically. Concurrent puts to one key
/// never mix: each either publishes a whole version or fails (Azure: <see cref="BlobConflictException"/>).</item>
/// <item><b>Keys</b> follow <see cref="BlobKey"/>; an invalid key is an <see cref="ArgumentException"/> saying
/// which rule it breaks. <b>Metadata</b> is any string → string map up to
/// <see cref="BlobMetadata.MaxEncodedBytes"/> of JSON; it round-trips exactly.</item>
/// <item><b>Listing</b> is ordered by key in Unicode code-point order (ordinal for keys without
/// characters beyond U+FFFF) and never shows the store's own files (temporary or sidecar).</item>
/// </list>
/// </remarks>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the blob <paramref name="key"/>, hashing it as it goes, and
    /// publishes it with <paramref name="metadata"/> only once all of it is stored. Replaces any blob
    /// already at the key.
    /// </summary>
    /// <returns>The published blob: its size and SHA-256 as read from <paramref name="content"/>.</returns>
    /// <exception cref="ArgumentException">The key is invalid, or the metadata holds a null or non-Unicode
    /// string or is larger than <see cref="BlobMetadata.MaxEncodedBytes"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was published.</exception>
    /// <exception cref="BlobConflictException">Another put to the same key published first and this one's
    /// staged data was discarded (Azure only); nothing of this put was published.</exception>
    Task<BlobInfo> PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="PutAsync(string, Stream, IReadOnlyDictionary{string, string}, CancellationToken)"/>, and
    /// before publishing asks <paramref name="check"/> whether the stored content (its size and SHA-256) may be
    /// published; a check that throws fails the put with its exception, and nothing is published.
    /// </summary>
    Task<BlobInfo> PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, PublishCheck? check,
        CancellationToken cancellationToken = default);

    /// <summary>Opens the blob for reading; <see langword="null"/> when no blob has the key.</summary>
    /// <remarks>The stream reads the version <see cref="OpenedBlob.Info"/> describes, even if the key is
    /// overwritten or deleted while it is being read. Dispose the result.</remarks>
    Task<OpenedBlob?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The blob's description without its content; <see langword="null"/> when no blob has the key.</summary>
    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Whether a blob has the key.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the blob and its metadata. Idempotent: deleting a missing key is not an error.
    /// </summary>
    /// <returns><see langword="true"/> when this call removed a blob, <see langword="false"/> when there was none.</returns>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The blobs whose key starts with <paramref name="prefix"/> (a plain string prefix, so
    /// <c>88.608.8889/PRD-</c> matches <c>88.608.8889/PRD-0001</c>; empty lists everything), ordered by key.
    /// </summary>
    /// <exception cref="ArgumentException">The prefix could never match a valid key's path, e.g. it holds a
    /// control character, a <c>\</c> or a <c>..</c> segment.</exception>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix = "", CancellationToken cancellationToken = default);
}
