namespace DataSpace.Storage;

/// <summary>One published version of a blob.</summary>
/// <param name="Key">The blob's key (see <see cref="BlobKey"/>).</param>
/// <param name="Size">Content length in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex, computed while the content streamed in.</param>
/// <param name="Metadata">The metadata given to the put, exactly (ordinal names).</param>
/// <param name="CreatedAt">When this version was published (UTC, millisecond precision); an overwrite
/// publishes a new version with a new time.</param>
/// <remarks>Record equality compares <paramref name="Metadata"/> by reference; compare its entries to
/// compare metadata.</remarks>
public sealed record BlobInfo(
    string Key,
    long Size,
    string Sha256,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt);
