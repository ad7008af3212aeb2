namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Where the space keeps its bytes: the embedded defaults (file ledger, file-system asset and
/// received-data stores) or, with <c>--azurite</c>, Azure Blob Storage on Azurite for the ledger
/// (append blobs) and every connector's stores, in containers named for this run.
/// </summary>
internal sealed class StorageMode
{
    /// <summary>The environment variable scripts/lib/azurite.sh exports.</summary>
    public const string AzuriteVariable = "DATASPACE_AZURITE_CONNECTION_STRING";

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private StorageMode(string? connectionString) => ConnectionString = connectionString;

    public static StorageMode Files { get; } = new(null);

    /// <summary>The Azure Storage connection string, with <c>--azurite</c>.</summary>
    public string? ConnectionString { get; }

    public bool IsAzurite => ConnectionString is not null;

    /// <summary>The container of the broker's ledger, with <c>--azurite</c>.</summary>
    public string LedgerContainer => $"dsdemo-{_run}-ledger";

    public static StorageMode Azurite(string connectionString) => new(connectionString);

    public string Describe(DemoWorkspace workspace) => IsAzurite
        ? $"Azurite: ledger in container {LedgerContainer}, assets and received data in dsdemo-{_run}-* containers"
        : $"file system: ledger {workspace.Ledger}, assets and received data under each participant's folder";

    /// <summary>The broker's ledger settings.</summary>
    public IEnumerable<KeyValuePair<string, string>> Broker(DemoWorkspace workspace) => IsAzurite
        ?
        [
            new("Broker:Ledger:Store", "azure"),
            new("Broker:Ledger:ConnectionString", ConnectionString!),
            new("Broker:Ledger:Container", LedgerContainer),
        ]
        : [new("Broker:Ledger:Directory", workspace.Ledger)];

    /// <summary>A connector's asset and received-data store settings (files default to its data directory).</summary>
    public IEnumerable<KeyValuePair<string, string>> Connector(string participantId)
    {
        if (!IsAzurite)
        {
            yield break;
        }
        foreach (var store in new[] { "Assets", "Received" })
        {
            yield return new($"Connector:{store}:Kind", "AzureBlob");
            yield return new($"Connector:{store}:ConnectionString", ConnectionString!);
            yield return new($"Connector:{store}:Container", ConnectorContainer(participantId, store));
        }
    }

    /// <summary>The container of a connector's store (<c>Assets</c> or <c>Received</c>), with <c>--azurite</c>.</summary>
    public string ConnectorContainer(string participantId, string store) =>
        $"dsdemo-{_run}-{participantId.Replace('.', '-').ToLowerInvariant()}-{store.ToLowerInvariant()}";
}
