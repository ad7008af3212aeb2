namespace DataSpace.Storage.Azure;

/// <summary>The blocks a put staged, in order, and the size and SHA-256 of the content they hold.</summary>
internal sealed record StagedContent(IReadOnlyList<string> BlockIds, long Size, string Sha256);
