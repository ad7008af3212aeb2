namespace DataSpace.TestSpace;

/// <summary>How a test space runs.</summary>
public sealed record SpaceSettings
{
    /// <summary>Store assets, received data and the ledger in Azurite instead of the file system.</summary>
    public bool UseAzurite { get; init; }

    /// <summary>Keep the broker's ledger in Azurite (append blobs) instead of files.</summary>
    public bool LedgerOnAzurite { get; init; }

    /// <summary>The policy directory; the repository's <c>policies/</c> by default.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>Extra configuration for the broker (key → value, e.g. <c>Broker:CallbackTimeout</c>).</summary>
    public IReadOnlyDictionary<string, string> Broker { get; init; } = new Dictionary<string, string>();
}
