using DataSpace.Hosting.Policies;
using DataSpace.Storage;
using DataSpace.Storage.Configuration;

namespace DataSpace.Connector.Hosting;

/// <summary>
/// A connector's configuration (section <c>Connector</c>, environment variables
/// <c>Connector__…</c>, or <c>dataspace connector</c> flags). README "Operating a connector" lists
/// every key; every problem is reported at start, one sentence each.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>Where the connector keeps its state: agreements, received-data index, witness state, local API token.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>The participant key file (<c>dataspace keys new</c>).</summary>
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>The broker's base URL.</summary>
    public string BrokerUrl { get; set; } = string.Empty;

    /// <summary>This connector's public base URL, registered as the participant's endpoint; defaults to the first listening URL.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The audience of the space's access tokens.</summary>
    public string Audience { get; set; } = "dataspace";

    /// <summary>The credential of local applications; when empty, read from (or created in) <c>DataDirectory/api.token</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Where the provider's assets are stored (default: files under <c>DataDirectory/assets</c>).</summary>
    public BlobStoreOptions Assets { get; set; } = new();

    /// <summary>Where received data is stored, age-encrypted to this participant (default: files under <c>DataDirectory/received</c>).</summary>
    public BlobStoreOptions Received { get; set; } = new();

    /// <summary>Which policy engine decides.</summary>
    public PolicyBackendOptions Policy { get; set; } = new();

    /// <summary>The duties this connector enforces on received data; a contract requiring another is refused. Empty means all four it knows.</summary>
    /// <remarks>Empty by default (filled in <see cref="ApplyDefaults"/>): configuration binding adds to a list, so a default list could never be narrowed.</remarks>
    public List<string> Enforces { get; set; } = [];

    /// <summary>How often the delete-after job looks for data past its deadline.</summary>
    public TimeSpan DeletionSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest asset accepted, in bytes.</summary>
    public long MaxAssetBytes { get; set; } = 64L << 30;

    /// <summary>Fills the defaults that depend on the data directory: file stores under it.</summary>
    public void ApplyDefaults()
    {
        if (Enforces.Count == 0)
        {
            Enforces = ["delete_after", "encrypt", "log_usage", "notify_provider"];
        }
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            return;
        }
        if (Assets.Kind == BlobStoreKind.FileSystem && string.IsNullOrWhiteSpace(Assets.Path))
        {
            Assets = Assets with { Path = System.IO.Path.Combine(DataDirectory, "assets") };
        }
        if (Received.Kind == BlobStoreKind.FileSystem && string.IsNullOrWhiteSpace(Received.Path))
        {
            Received = Received with { Path = System.IO.Path.Combine(DataDirectory, "received") };
        }
        Assets = Assets with { Container = Assets.Container ?? "assets" };
        Received = Received with { Container = Received.Container ?? "received" };
    }

    /// <summary>
    /// A store's problems; a file store's missing path is the data directory's problem already
    /// reported, since the path defaults to a folder of it.
    /// </summary>
    private IEnumerable<string> StoreProblems(BlobStoreOptions store, string name) =>
        string.IsNullOrWhiteSpace(DataDirectory) && store.Kind == BlobStoreKind.FileSystem && string.IsNullOrWhiteSpace(store.Path)
            ? []
            : store.Validate().Select(p => $"Connector:{name}: {p}");

    /// <summary>What is wrong with this configuration, one sentence per problem.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return "Connector:DataDirectory is required (dataspace connector --data DIR).";
        }
        if (string.IsNullOrWhiteSpace(KeyFile) || !File.Exists(KeyFile))
        {
            yield return $"Connector:KeyFile \"{KeyFile}\" is not a key file (create one with 'dataspace keys new --id <participant id>', then --key FILE).";
        }
        if (!Uri.TryCreate(BrokerUrl, UriKind.Absolute, out var broker) || broker.Scheme is not ("http" or "https"))
        {
            yield return $"Connector:BrokerUrl \"{BrokerUrl}\" must be the broker's absolute http(s) URL (--broker URL).";
        }
        if (PublicUrl is not null && !Uri.TryCreate(PublicUrl, UriKind.Absolute, out _))
        {
            yield return $"Connector:PublicUrl \"{PublicUrl}\" is not an absolute URL.";
        }
        if (DeletionSweepInterval <= TimeSpan.Zero)
        {
            yield return "Connector:DeletionSweepInterval must be positive (e.g. 00:00:30).";
        }
        foreach (var duty in Enforces.Where(d => d is not ("delete_after" or "encrypt" or "log_usage" or "notify_provider")))
        {
            yield return $"Connector:Enforces lists \"{duty}\", which this connector cannot enforce (known: delete_after, encrypt, log_usage, notify_provider).";
        }
        foreach (var problem in StoreProblems(Assets, "Assets").Concat(StoreProblems(Received, "Received")).Concat(Policy.Problems()))
        {
            yield return problem;
        }
    }
}
