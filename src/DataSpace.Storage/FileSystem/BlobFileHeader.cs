namespace DataSpace.Storage.FileSystem;

/// <summary>What a blob file's header line says, and where its content starts.</summary>
internal sealed record BlobFileHeader(
    string Sha256,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Metadata,
    long ContentOffset);
