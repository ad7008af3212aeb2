namespace DataSpace.Storage.Configuration;

/// <summary>
/// A connector's blob-store settings, as bound from configuration. <see cref="Validate"/> lists every
/// problem, so that a connector can refuse to start with all of them at once.
/// </summary>
public sealed record BlobStoreOptions
{
    /// <summary>Which store; the embedded file-system store unless set.</summary>
    public BlobStoreKind Kind { get; init; } = BlobStoreKind.FileSystem;

    /// <summary>The store's directory (<see cref="BlobStoreKind.FileSystem"/>); created if missing.</summary>
    public string? Path { get; init; }

    /// <summary>An Azure Storage connection string (<see cref="BlobStoreKind.AzureBlob"/>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The blob container (<see cref="BlobStoreKind.AzureBlob"/>); created on the first put if missing.</summary>
    public string? Container { get; init; }

    /// <summary>Every problem with these settings, each a sentence naming the setting; empty when they are usable.</summary>
    /// <remarks>Checks what can be checked without touching the disk or the network. Messages never repeat
    /// the connection string, which holds the account key.</remarks>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        switch (Kind)
        {
            case BlobStoreKind.FileSystem:
                problems.AddRange(StoreSettings.PathProblems(Path));
                break;
            case BlobStoreKind.AzureBlob:
                problems.AddRange(StoreSettings.ConnectionStringProblems(ConnectionString));
                problems.AddRange(StoreSettings.ContainerProblems(Container));
                break;
            default:
                problems.Add($"Kind must be {nameof(BlobStoreKind.FileSystem)} or {nameof(BlobStoreKind.AzureBlob)}, not {(int)Kind}.");
                break;
        }
        return problems;
    }
}
