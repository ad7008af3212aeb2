using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Cli.Hosting;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// The demo's space: a broker and one connector per participant, each a real ASP.NET Core server on
/// a free loopback port, on the embedded defaults or Azurite, started by the launcher — in this
/// process, or each as its own <c>dataspace</c> process — from the config file it writes first.
/// Participants are onboarded as an operator would: the participant signs its registration, the
/// operator posts it with the operator token.
/// </summary>
internal sealed class DemoSpace : IAsyncDisposable
{
    private readonly List<DemoParty> _parties = [];
    private readonly DemoWorkspace _workspace;
    private readonly StorageMode _storage;
    private readonly string _policies;
    private readonly ISpaceLauncher _launcher;
    private bool _stopped;

    private DemoSpace(DemoWorkspace workspace, StorageMode storage, string policies, ISpaceLauncher launcher, IDemoService broker, string operatorToken)
    {
        _workspace = workspace;
        _storage = storage;
        _policies = policies;
        _launcher = launcher;
        Broker = broker;
        Operator = new HttpClient { BaseAddress = broker.Url, Timeout = TimeSpan.FromSeconds(60) };
        Operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
    }

    public IDemoService Broker { get; }

    /// <summary>The broker's API with the operator credential.</summary>
    public HttpClient Operator { get; }

    public bool IsRunning => !_stopped;

    public DemoParty Party(string alias) => _parties.FirstOrDefault(p => p.Sample.Alias == alias)
        ?? throw new InvalidOperationException($"{alias} is not onboarded (its onboarding failed).");

    /// <summary>Starts the broker; its ledger goes to the workspace's <c>ledger/</c> (or Azurite).</summary>
    public static async Task<DemoSpace> StartAsync(DemoWorkspace workspace, StorageMode storage, string policies, ISpaceLauncher launcher, CancellationToken cancellationToken)
    {
        var url = FreePort.NextUrl();
        var settings = new Dictionary<string, string>
        {
            ["Broker:DataDirectory"] = workspace.Broker,
            ["Broker:PublicUrl"] = url.ToString().TrimEnd('/'),
            ["Broker:Policy:Path"] = policies,
        };
        foreach (var (key, value) in storage.Broker(workspace))
        {
            settings[key] = value;
        }
        var broker = await StartAsync(launcher, new ServiceSpec(ServiceKind.Broker, "broker", url, settings, workspace.BrokerConfig), cancellationToken);
        var token = (await File.ReadAllTextAsync(Path.Combine(workspace.Broker, "operator.token"), cancellationToken)).Trim();
        return new DemoSpace(workspace, storage, policies, launcher, broker, token);
    }

    /// <summary>
    /// Generates the participant's keys, starts its connector and registers it with the broker;
    /// returns the broker's view of the registration.
    /// </summary>
    public async Task<JsonObject> OnboardAsync(ParticipantSample sample, CancellationToken cancellationToken)
    {
        // Step 1: keys, in the participant's own folder.
        var directory = _workspace.Participant(sample.Id);
        Directory.CreateDirectory(directory);
        var keys = ParticipantKeys.Generate(sample.Id);
        var keyFile = Path.Combine(directory, "key.json");
        await AtomicFile.WriteAllBytesAsync(keyFile, KeyFile.Serialize(keys), cancellationToken, ownerOnly: true, durable: false);

        // Step 2: its connector, on the embedded defaults or Azurite.
        var url = FreePort.NextUrl();
        var settings = new Dictionary<string, string>
        {
            ["Connector:DataDirectory"] = directory,
            ["Connector:KeyFile"] = keyFile,
            ["Connector:BrokerUrl"] = Broker.Url.ToString().TrimEnd('/'),
            ["Connector:PublicUrl"] = url.ToString().TrimEnd('/'),
            ["Connector:Policy:Path"] = _policies,
            ["Connector:DeletionSweepInterval"] = "00:00:01",
        };
        foreach (var (key, value) in _storage.Connector(sample.Id))
        {
            settings[key] = value;
        }
        IDemoService connector;
        try
        {
            connector = await StartAsync(_launcher, new ServiceSpec(ServiceKind.Connector, sample.Alias, url, settings, Path.Combine(directory, "connector.json")), cancellationToken);
        }
        catch
        {
            keys.Dispose();
            throw;
        }
        var apiToken = (await File.ReadAllTextAsync(Path.Combine(directory, "api.token"), cancellationToken)).Trim();
        var party = new DemoParty(sample, keys, connector, apiToken, directory);
        _parties.Add(party);

        // Step 3: its self-signed registration, submitted by the operator.
        var attributes = (JsonObject)sample.Attributes.DeepClone();
        attributes["endpoint"] = url.ToString().TrimEnd('/');
        var entry = LedgerEntry.Create(
            ParticipantRegistration.EntryType,
            new ParticipantRegistration(keys.ParticipantId, keys.Signer.PublicKey, keys.AgeIdentity.Recipient.ToString()!, attributes).ToBody(),
            [keys.Signer]);
        using var response = await Operator.PostAsJsonAsync("participants", entry.ToJson(), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && JsonNode.Parse(body) is JsonObject view
            ? view
            : throw new InvalidOperationException($"the broker refused the registration ({(int)response.StatusCode}): {body}");
    }

    /// <summary>Writes the service's config file (to start it again by hand, and what a service process reads), then starts it.</summary>
    private static async Task<IDemoService> StartAsync(ISpaceLauncher launcher, ServiceSpec spec, CancellationToken cancellationToken)
    {
        await WorkspaceConfig.WriteAsync(spec.ConfigFile, spec.Settings, spec.Url, cancellationToken);
        return await launcher.StartAsync(spec, cancellationToken);
    }

    /// <summary>Stops the connectors, then the broker (which closes its ledger). Idempotent.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        foreach (var party in _parties)
        {
            await party.DisposeAsync();
        }
        Operator.Dispose();
        await Broker.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
