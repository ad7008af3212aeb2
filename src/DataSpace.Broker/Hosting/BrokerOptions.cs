using DataSpace.Hosting.Policies;

namespace DataSpace.Broker.Hosting;

/// <summary>
/// The broker's configuration (section <c>Broker</c>, environment variables <c>Broker__…</c>, or
/// <c>dataspace broker</c> flags); every value but <see cref="DataDirectory"/> has a working
/// default. docs/operations.md lists them.
/// </summary>
public sealed class BrokerOptions
{
    /// <summary>Where the broker keeps its key, its operator credential and (file store) its ledger.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>The broker's own participant id; it signs as operator and log.</summary>
    public string ParticipantId { get; set; } = "88.100.broker";

    /// <summary>The broker's name in its self-registration.</summary>
    public string Name { get; set; } = "DataSpace broker";

    /// <summary>The token issuer and the public base URL; defaults to the first listening URL.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The audience of the access tokens the broker issues and accepts.</summary>
    public string Audience { get; set; } = "dataspace";

    /// <summary>The operator credential; when empty, read from (or created in) <c>DataDirectory/operator.token</c>.</summary>
    public string? OperatorToken { get; set; }

    /// <summary>Where the ledger lives.</summary>
    public LedgerStoreOptions Ledger { get; set; } = new();

    /// <summary>Which policy engine decides.</summary>
    public PolicyBackendOptions Policy { get; set; } = new();

    /// <summary>How long the broker waits for a provider connector to answer a negotiation message.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Token requests allowed per client address per minute (POST /token).</summary>
    public int TokenRequestsPerMinute { get; set; } = 600;

    /// <summary>Largest JSON request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 1 << 20;

    /// <summary>What is wrong with this configuration, one clear sentence per problem.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return "Broker:DataDirectory is required (dataspace broker --data DIR).";
        }
        if (!DataSpace.Core.Identity.ParticipantId.TryParse(ParticipantId, out _, out var idError))
        {
            yield return $"Broker:ParticipantId: {idError}.";
        }
        if (PublicUrl is not null && !Uri.TryCreate(PublicUrl, UriKind.Absolute, out _))
        {
            yield return $"Broker:PublicUrl \"{PublicUrl}\" is not an absolute URL.";
        }
        if (CallbackTimeout <= TimeSpan.Zero)
        {
            yield return "Broker:CallbackTimeout must be positive (e.g. 00:00:10).";
        }
        foreach (var problem in Ledger.Problems().Concat(Policy.Problems()))
        {
            yield return problem;
        }
    }
}

/// <summary>Where the broker's ledger is stored (section <c>Broker:Ledger</c>).</summary>
public sealed class LedgerStoreOptions
{
    /// <summary>Files under the data directory.</summary>
    public const string File = "file";

    /// <summary>Azure append blobs (Azurite locally).</summary>
    public const string Azure = "azure";

    /// <summary><c>file</c> (default) or <c>azure</c>.</summary>
    public string Store { get; set; } = File;

    /// <summary>The ledger directory for the file store; default <c>DataDirectory/ledger</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>The Azure Storage connection string, for the azure store.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob container, for the azure store.</summary>
    public string Container { get; set; } = "ledger";

    /// <summary>A checkpoint is signed at every multiple of this many entries (and on demand).</summary>
    public ulong CheckpointInterval { get; set; } = 1000;

    /// <summary>What is wrong, one sentence per problem.</summary>
    public IEnumerable<string> Problems()
    {
        if (Store is not (File or Azure))
        {
            yield return $"Broker:Ledger:Store is \"{Store}\"; use \"{File}\" or \"{Azure}\".";
        }
        if (Store == Azure && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return "Broker:Ledger:ConnectionString is required when Broker:Ledger:Store is azure.";
        }
        if (CheckpointInterval == 0)
        {
            yield return "Broker:Ledger:CheckpointInterval must be at least 1.";
        }
    }
}
