using DataSpace.Hosting;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.Broker.Hosting;
using DataSpace.Connector.Hosting;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;
using DataSpace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DataSpace.TestSpace;

/// <summary>
/// A whole space for tests: a broker and any number of participants with connectors, each a real
/// ASP.NET Core server on a loopback port in this process, under one temporary directory that is
/// deleted on dispose. Participants are onboarded through the broker's operator API, exactly as an
/// operator would.
/// </summary>
public sealed class TestSpace : IAsyncDisposable
{
    private readonly List<Party> _parties = [];
    private readonly SpaceSettings _settings;
    private readonly string _container = "t" + Guid.NewGuid().ToString("N")[..12];

    private readonly Dictionary<string, string> _brokerConfig;

    private TestSpace(string root, SpaceSettings settings, RunningService broker, Dictionary<string, string> brokerConfig, string operatorToken)
    {
        Root = root;
        _settings = settings;
        _brokerConfig = brokerConfig;
        Broker = broker;
        Operator = new HttpClient { BaseAddress = broker.Url };
        Operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
    }

    public string Root { get; }

    public RunningService Broker { get; private set; }

    /// <summary>The broker's operator API client.</summary>
    public HttpClient Operator { get; }

    public IReadOnlyList<Party> Parties => _parties;

    public static string PoliciesPath => Path.Combine(RepositoryPaths.RepositoryRoot, "policies");

    public static async Task<TestSpace> StartAsync(SpaceSettings? settings = null, CancellationToken cancellationToken = default)
    {
        settings ??= new SpaceSettings();
        var root = Directory.CreateTempSubdirectory("dataspace-space-").FullName;
        var dataDirectory = Path.Combine(root, "broker");
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var config = new Dictionary<string, string>
        {
            ["Broker:DataDirectory"] = dataDirectory,
            ["Broker:PublicUrl"] = url.ToString().TrimEnd('/'),
            ["Broker:Policy:Path"] = settings.PolicyPath ?? PoliciesPath,
        };
        if (settings.LedgerOnAzurite)
        {
            config["Broker:Ledger:Store"] = "azure";
            config["Broker:Ledger:ConnectionString"] = Azurite.ConnectionString;
            config["Broker:Ledger:Container"] = "ledger-" + Guid.NewGuid().ToString("N")[..20];
        }
        foreach (var (key, value) in settings.Broker)
        {
            config[key] = value;
        }
        var broker = await StartServiceAsync(url, config, dataDirectory, BrokerHost.BuildAsync, cancellationToken).ConfigureAwait(false);
        var token = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "operator.token"), cancellationToken).ConfigureAwait(false)).Trim();
        return new TestSpace(root, settings, broker, config, token);
    }

    /// <summary>Stops the broker and starts a new one on the same data directory, ledger and URL.</summary>
    public async Task RestartBrokerAsync(CancellationToken cancellationToken = default)
    {
        await Broker.DisposeAsync().ConfigureAwait(false);
        Broker = await StartServiceAsync(Broker.Url, _brokerConfig, Broker.DataDirectory, BrokerHost.BuildAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates keys for <paramref name="id"/>, starts its connector (unless <paramref name="withConnector"/> is false) and registers it with the broker.</summary>
    public async Task<Party> AddAsync(string id, JsonObject attributes, bool withConnector = true, CancellationToken cancellationToken = default)
    {
        var keys = ParticipantKeys.Generate(id);
        RunningService? connector = null;
        string? apiToken = null;
        if (withConnector)
        {
            (connector, apiToken) = await StartConnectorAsync(keys, cancellationToken).ConfigureAwait(false);
            attributes["endpoint"] = connector.Url.ToString().TrimEnd('/');
        }
        var response = await Operator.PostAsJsonAsync("participants", RegistrationOf(keys, attributes).ToJson(), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
        var party = new Party(keys, attributes, Broker.Url, connector, apiToken);
        _parties.Add(party);
        return party;
    }

    /// <summary>The participant's self-signed registration entry, as the operator submits it.</summary>
    public static LedgerEntry RegistrationOf(ParticipantKeys keys, JsonObject attributes) =>
        LedgerEntry.Create(ParticipantRegistration.EntryType,
            new ParticipantRegistration(keys.ParticipantId, keys.Signer.PublicKey, keys.AgeIdentity.Recipient.ToString()!, attributes).ToBody(),
            [keys.Signer]);

    /// <summary>Typical attributes of a domestic enterprise.</summary>
    public static JsonObject Enterprise(string name, string country = "CN", string sector = "C36", int securityProfile = 3, bool securityAgreement = true) => new()
    {
        ["name"] = name,
        ["country"] = country,
        ["sector"] = sector,
        ["securityProfile"] = securityProfile,
        ["securityAgreement"] = securityAgreement,
        ["kind"] = "enterprise",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var party in _parties)
        {
            await party.DisposeAsync().ConfigureAwait(false);
        }
        Operator.Dispose();
        await Broker.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping server: the temp folder is cleaned by the OS.
        }
    }

    private async Task<(RunningService Connector, string ApiToken)> StartConnectorAsync(ParticipantKeys keys, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Root, keys.ParticipantId);
        Directory.CreateDirectory(dataDirectory);
        var keyFile = Path.Combine(dataDirectory, "key.json");
        await File.WriteAllBytesAsync(keyFile, KeyFile.Serialize(keys), cancellationToken).ConfigureAwait(false);
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var config = new Dictionary<string, string>
        {
            ["Connector:DataDirectory"] = dataDirectory,
            ["Connector:KeyFile"] = keyFile,
            ["Connector:BrokerUrl"] = Broker.Url.ToString().TrimEnd('/'),
            ["Connector:PublicUrl"] = url.ToString().TrimEnd('/'),
            ["Connector:Policy:Path"] = _settings.PolicyPath ?? PoliciesPath,
        };
        if (_settings.UseAzurite)
        {
            var safe = keys.ParticipantId.Replace('.', '-').ToLowerInvariant();
            config["Connector:Assets:Kind"] = "AzureBlob";
            config["Connector:Assets:ConnectionString"] = Azurite.ConnectionString;
            config["Connector:Assets:Container"] = $"{_container}-{safe}-assets"[..Math.Min(63, $"{_container}-{safe}-assets".Length)];
            config["Connector:Received:Kind"] = "AzureBlob";
            config["Connector:Received:ConnectionString"] = Azurite.ConnectionString;
            config["Connector:Received:Container"] = $"{_container}-{safe}-recv"[..Math.Min(63, $"{_container}-{safe}-recv".Length)];
        }
        var connector = await StartServiceAsync(url, config, dataDirectory, ConnectorHost.BuildAsync, cancellationToken).ConfigureAwait(false);
        var token = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "api.token"), cancellationToken).ConfigureAwait(false)).Trim();
        return (connector, token);
    }

    private static async Task<RunningService> StartServiceAsync(Uri url, Dictionary<string, string> config, string dataDirectory,
        Func<WebApplicationBuilder, CancellationToken, Task<WebApplication>> build, CancellationToken cancellationToken)
    {
        var builder = ServiceBuilder.Create([], Environments.Production);
        builder.WebHost.UseUrls(url.ToString());
        builder.Configuration.AddInMemoryCollection(config!);
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["urls"] = url.ToString();
        var app = await build(builder, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new RunningService(app, url, dataDirectory);
    }
}
