using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Connector.Hosting;
using DataSpace.Core.Identity;
using DataSpace.Core.Participants;
using DataSpace.Deployment.Tests.Compose;
using Microsoft.Extensions.Configuration;

namespace DataSpace.Deployment.Tests.Rules;

/// <summary>
/// Checks that the services form one space: OPA serves the same policy files the services load;
/// the ledger and every blob store live in the Azurite service; keys, state and the ledger are on
/// named volumes; every connector's participant is valid and onboarded by the onboard service.
/// </summary>
internal static class SpaceRules
{
    /// <summary>The well-known key of Azurite's development account (public, not a secret).</summary>
    public const string AzuriteAccount = "devstoreaccount1";

    public const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string PoliciesFolder = "policies";

    public const string OperatorTokenFile = "operator.token";

    public static IEnumerable<string> Policies(Deployment deployment)
    {
        var policies = Path.Combine(deployment.Root, PoliciesFolder);
        var opas = deployment.WithRole(Role.Opa).ToList();
        if (opas.Count == 0)
        {
            yield return $"no service runs the {Deployment.OpaImage} image: the services are configured for OPA.";
        }
        var served = new HashSet<string>(StringComparer.Ordinal);
        foreach (var opa in opas)
        {
            var mount = opa.Volumes.FirstOrDefault(m => m.IsBind && SamePath(deployment.Compose.HostPath(m.Source!), policies));
            if (mount is null)
            {
                yield return $"service '{opa.Name}': volumes: does not mount ./{PoliciesFolder}, the policy files the services record in the ledger.";
                continue;
            }
            if (!mount.ReadOnly)
            {
                yield return $"service '{opa.Name}': volumes: {mount}: mount the policy files read-only (:ro).";
            }
            if (!opa.Command.Contains("run") || !opa.Command.Any(c => c is "--server" or "-s"))
            {
                yield return $"service '{opa.Name}': command: [{string.Join(", ", opa.Command)}] does not run the OPA server (run --server).";
            }
            var loaded = opa.Command.Where(c => c.StartsWith('/')).Select(c => ConfigurationRules.HostPathOf(deployment, opa, c)).ToList();
            if (!loaded.Any(p => p is not null && SamePath(p, policies)))
            {
                yield return $"service '{opa.Name}': command: [{string.Join(", ", opa.Command)}] does not load {mount.Target}, where ./{PoliciesFolder} is mounted.";
            }
            served.Add(opa.Name);
        }
        foreach (var (service, section) in DataSpaceServices(deployment))
        {
            var environment = deployment.EffectiveEnvironment(service);
            var backendKey = $"{section}__Policy__Backend";
            if (environment.GetValueOrDefault(backendKey) != "opa")
            {
                yield return $"service '{service.Name}': {backendKey} is {Quote(environment.GetValueOrDefault(backendKey))}; this deployment decides with the OPA service (opa).";
            }
            var urlKey = $"{section}__Policy__OpaUrl";
            if (!Uri.TryCreate(environment.GetValueOrDefault(urlKey), UriKind.Absolute, out var url) || !served.Contains(url.Host))
            {
                yield return $"service '{service.Name}': {urlKey} is {Quote(environment.GetValueOrDefault(urlKey))}, not the URL of an OPA service that serves ./{PoliciesFolder} ({(served.Count == 0 ? "there is none" : string.Join(", ", served))}).";
            }
            var pathKey = $"{section}__Policy__Path";
            var path = environment.GetValueOrDefault(pathKey) ?? PoliciesFolder;
            var mount = path.StartsWith('/') ? service.MountOf(path) : null;
            var host = mount is null ? null : ConfigurationRules.HostPathOf(deployment, service, path);
            if (host is null || !SamePath(host, policies))
            {
                yield return $"service '{service.Name}': {pathKey} is {Quote(path)}, which is not a mount of ./{PoliciesFolder}: the service must load the files OPA serves (their digest goes into the ledger).";
            }
            else if (!mount!.ReadOnly)
            {
                yield return $"service '{service.Name}': volumes: {mount}: mount the policy files read-only (:ro).";
            }
        }
    }

    public static IEnumerable<string> Azure(Deployment deployment)
    {
        var azurites = deployment.WithRole(Role.Azurite).ToList();
        if (azurites.Count == 0)
        {
            yield return $"no service runs the {Deployment.AzuriteImage} image: the ledger and the connectors' stores are configured for Azure Blob Storage.";
        }
        foreach (var azurite in azurites)
        {
            var location = Deployment.Option(azurite.Command, "--location", "-l") ?? "/opt/azurite";
            if (azurite.MountOf(location) is not { IsNamedVolume: true })
            {
                yield return $"service '{azurite.Name}': its data (--location {location}: the ledger and every asset) is not on a named volume, so it is lost with the container.";
            }
        }
        var containers = new List<(string Service, string Key, string Container)>();
        foreach (var broker in deployment.WithRole(Role.Broker))
        {
            var environment = deployment.EffectiveEnvironment(broker);
            if (environment.GetValueOrDefault("Broker__Ledger__Store") != "azure")
            {
                yield return $"service '{broker.Name}': Broker__Ledger__Store is {Quote(environment.GetValueOrDefault("Broker__Ledger__Store"))}; this deployment keeps the ledger in Azurite (azure).";
            }
            foreach (var problem in CheckAzurite(deployment, broker, "Broker__Ledger__ConnectionString", environment.GetValueOrDefault("Broker__Ledger__ConnectionString"), azurites))
            {
                yield return problem;
            }
            containers.Add((broker.Name, "Broker__Ledger__Container", environment.GetValueOrDefault("Broker__Ledger__Container") ?? "ledger"));
        }
        foreach (var connector in deployment.WithRole(Role.Connector))
        {
            var environment = deployment.EffectiveEnvironment(connector);
            foreach (var store in new[] { "Assets", "Received" })
            {
                var kind = environment.GetValueOrDefault($"Connector__{store}__Kind");
                if (!string.Equals(kind, "AzureBlob", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"service '{connector.Name}': Connector__{store}__Kind is {Quote(kind)}; this deployment keeps the connectors' data in Azurite (AzureBlob).";
                }
                foreach (var problem in CheckAzurite(deployment, connector, $"Connector__{store}__ConnectionString", environment.GetValueOrDefault($"Connector__{store}__ConnectionString"), azurites))
                {
                    yield return problem;
                }
                containers.Add((connector.Name, $"Connector__{store}__Container", environment.GetValueOrDefault($"Connector__{store}__Container") ?? store.ToLowerInvariant()));
            }
        }
        foreach (var shared in containers.GroupBy(c => c.Container, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = shared.First();
            foreach (var other in shared.Skip(1))
            {
                yield return $"service '{other.Service}': {other.Key}: container \"{other.Container}\" is also service '{first.Service}''s {first.Key}; every store needs its own container.";
            }
        }
    }

    public static IEnumerable<string> Onboarding(Deployment deployment)
    {
        var brokers = deployment.WithRole(Role.Broker).ToList();
        if (brokers.Count != 1)
        {
            yield return $"{brokers.Count} broker services (built from docker/broker/Dockerfile); the space has exactly one.";
            yield break;
        }
        var broker = brokers[0];
        var brokerEnvironment = deployment.EffectiveEnvironment(broker);
        var issuer = brokerEnvironment.GetValueOrDefault("Broker__PublicUrl");
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUrl) || issuerUrl.Host != broker.Name)
        {
            yield return $"service '{broker.Name}': Broker__PublicUrl is {Quote(issuer)}; it is the token issuer and must be the URL other containers use (http://{broker.Name}:<port>).";
        }
        foreach (var problem in NamedVolume(broker, "Broker__DataDirectory", brokerEnvironment.GetValueOrDefault("Broker__DataDirectory"), "the broker's keys and operator credential"))
        {
            yield return problem;
        }
        var brokerId = brokerEnvironment.GetValueOrDefault("Broker__ParticipantId") ?? new DataSpace.Broker.Hosting.BrokerOptions().ParticipantId;

        var participants = new Dictionary<string, (ComposeService Service, JsonObject? Attributes)>(StringComparer.Ordinal);
        (string Volume, string Path)? registrations = null;
        foreach (var connector in deployment.WithRole(Role.Connector))
        {
            var environment = deployment.EffectiveEnvironment(connector);
            var publicUrl = environment.GetValueOrDefault("Connector__PublicUrl");
            if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var own) || own.Host != connector.Name)
            {
                yield return $"service '{connector.Name}': Connector__PublicUrl is {Quote(publicUrl)}; it is registered as the participant's endpoint and must be the URL other containers use (http://{connector.Name}:<port>).";
            }
            if (Normalize(environment.GetValueOrDefault("Connector__BrokerUrl")) != Normalize(issuer))
            {
                yield return $"service '{connector.Name}': Connector__BrokerUrl is {Quote(environment.GetValueOrDefault("Connector__BrokerUrl"))}, not the broker's Broker__PublicUrl {Quote(issuer)}: the connector checks the tokens' issuer against it.";
            }
            foreach (var problem in NamedVolume(connector, "Connector__DataDirectory", environment.GetValueOrDefault("Connector__DataDirectory"), "the connector's agreements and received-data index"))
            {
                yield return problem;
            }
            var keyFile = environment.GetValueOrDefault("Connector__KeyFile");
            var keyMount = keyFile is null ? null : connector.MountOf(keyFile);
            if (keyMount is not { IsNamedVolume: true, ReadOnly: false })
            {
                yield return $"service '{connector.Name}': Connector__KeyFile {Quote(keyFile)} is not in a writable named volume, where the entrypoint creates the participant key on first start.";
            }
            else
            {
                foreach (var other in deployment.Services.Where(s => s != connector && s.Volumes.Any(m => m.Source == keyMount.Source)))
                {
                    yield return $"service '{connector.Name}': volumes: the key volume {keyMount.Source} is also mounted by service '{other.Name}'; a participant's private key stays with its connector.";
                }
            }

            var id = environment.GetValueOrDefault("DATASPACE_PARTICIPANT_ID");
            if (!ParticipantId.TryParse(id, out _, out var idError))
            {
                yield return $"service '{connector.Name}': DATASPACE_PARTICIPANT_ID: {idError}.";
                continue;
            }
            if (id == brokerId || participants.ContainsKey(id))
            {
                yield return $"service '{connector.Name}': DATASPACE_PARTICIPANT_ID {id} is also {(id == brokerId ? "the broker's id" : $"service '{participants[id].Service.Name}''s")}.";
                continue;
            }
            var attributes = Attributes(connector, environment, publicUrl, out var attributeProblems);
            foreach (var problem in attributeProblems)
            {
                yield return problem;
            }
            participants[id] = (connector, attributes);

            var directory = environment.GetValueOrDefault("DATASPACE_REGISTRATION_DIR");
            if (directory is null || connector.MountOf(directory) is not { IsNamedVolume: true, ReadOnly: false } registrationMount)
            {
                yield return $"service '{connector.Name}': DATASPACE_REGISTRATION_DIR {Quote(directory)} is not in a writable named volume that the onboard service reads.";
                continue;
            }
            var place = (registrationMount.Source!, Relative(registrationMount, directory));
            if (registrations is { } shared && shared != place)
            {
                yield return $"service '{connector.Name}': DATASPACE_REGISTRATION_DIR is {place.Item1}:{place.Item2}, but another connector writes to {shared.Volume}:{shared.Path}.";
            }
            registrations ??= place;
        }

        foreach (var problem in Onboard(deployment, broker, brokerEnvironment, participants, registrations))
        {
            yield return problem;
        }
        foreach (var problem in Cast(participants))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> Onboard(Deployment deployment, ComposeService broker, Dictionary<string, string?> brokerEnvironment,
        Dictionary<string, (ComposeService Service, JsonObject? Attributes)> participants, (string Volume, string Path)? registrations)
    {
        var onboards = deployment.WithRole(Role.Onboard).ToList();
        if (onboards.Count != 1)
        {
            yield return $"{onboards.Count} onboard services (built from docker/onboard/Dockerfile); one submits the connectors' registrations to the broker.";
            yield break;
        }
        var onboard = onboards[0];
        var environment = deployment.EffectiveEnvironment(onboard);
        if (Normalize(environment.GetValueOrDefault("DATASPACE_BROKER_URL")) != Normalize(brokerEnvironment.GetValueOrDefault("Broker__PublicUrl")))
        {
            yield return $"service '{onboard.Name}': DATASPACE_BROKER_URL is {Quote(environment.GetValueOrDefault("DATASPACE_BROKER_URL"))}, not the broker's Broker__PublicUrl.";
        }
        var dataDirectory = brokerEnvironment.GetValueOrDefault("Broker__DataDirectory");
        var brokerMount = dataDirectory is null ? null : broker.MountOf(dataDirectory);
        var tokenFile = environment.GetValueOrDefault("DATASPACE_OPERATOR_TOKEN_FILE");
        var tokenMount = tokenFile is null ? null : onboard.MountOf(tokenFile);
        if (brokerMount is not { IsNamedVolume: true } || tokenMount is null || tokenMount.Source != brokerMount.Source
            || Relative(tokenMount, tokenFile!) != Combine(Relative(brokerMount, dataDirectory!), OperatorTokenFile))
        {
            yield return $"service '{onboard.Name}': DATASPACE_OPERATOR_TOKEN_FILE {Quote(tokenFile)} is not the {OperatorTokenFile} in the broker's data directory ({brokerMount?.Source}:{dataDirectory}).";
        }
        var directory = environment.GetValueOrDefault("DATASPACE_REGISTRATION_DIR");
        var mount = directory is null ? null : onboard.MountOf(directory);
        if (registrations is { } place && (mount is not { IsNamedVolume: true } || mount.Source != place.Volume || Relative(mount, directory!) != place.Path))
        {
            yield return $"service '{onboard.Name}': DATASPACE_REGISTRATION_DIR {Quote(directory)} is not where the connectors write their registrations ({place.Volume}:{place.Path}).";
        }
        var listed = (environment.GetValueOrDefault("DATASPACE_PARTICIPANTS") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var registered = participants.Where(p => p.Value.Attributes is not null).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (!listed.SetEquals(registered))
        {
            yield return $"service '{onboard.Name}': DATASPACE_PARTICIPANTS is \"{string.Join(' ', listed)}\", but the connectors register {string.Join(' ', registered.Order())}.";
        }
        foreach (var dependency in participants.Values.Select(p => p.Service.Name).Append(broker.Name))
        {
            if (onboard.DependsOn.GetValueOrDefault(dependency) != "service_healthy")
            {
                yield return $"service '{onboard.Name}': depends_on: must wait for {dependency} to be healthy (condition: service_healthy), when its {(dependency == broker.Name ? "operator credential" : "registration")} exists.";
            }
        }
    }

    private static JsonObject? Attributes(ComposeService connector, Dictionary<string, string?> environment, string? publicUrl, out List<string> problems)
    {
        problems = [];
        var text = environment.GetValueOrDefault("DATASPACE_PARTICIPANT_ATTRIBUTES");
        if (text is null)
        {
            problems.Add($"service '{connector.Name}': DATASPACE_PARTICIPANT_ATTRIBUTES is not set, so no registration is written for the broker.");
            return null;
        }
        JsonObject attributes;
        try
        {
            attributes = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            problems.Add($"service '{connector.Name}': DATASPACE_PARTICIPANT_ATTRIBUTES is not a JSON object: {e.Message}");
            return null;
        }
        if (AttributeRules.Validate(attributes) is { } invalid)
        {
            problems.Add($"service '{connector.Name}': DATASPACE_PARTICIPANT_ATTRIBUTES: the broker would refuse the registration: {invalid.Message}");
        }
        var endpoint = attributes[ParticipantAttributes.Endpoint] is JsonValue value && value.TryGetValue<string>(out var e2) ? e2 : null;
        if (Normalize(endpoint) != Normalize(publicUrl))
        {
            problems.Add($"service '{connector.Name}': DATASPACE_PARTICIPANT_ATTRIBUTES: endpoint is {Quote(endpoint)}, not the connector's Connector__PublicUrl {Quote(publicUrl)}.");
        }
        if (attributes[ParticipantAttributes.Enforces] is JsonArray declared)
        {
            var enforced = EnforcedDuties(environment);
            foreach (var duty in declared.Select(d => d?.ToString()).Where(d => d is null || !enforced.Contains(d)))
            {
                problems.Add($"service '{connector.Name}': DATASPACE_PARTICIPANT_ATTRIBUTES: enforces lists \"{duty}\", which the connector does not enforce (Connector:Enforces: {string.Join(", ", enforced)}).");
            }
        }
        return attributes;
    }

    /// <summary>The duties the connector enforces: Connector:Enforces as the connector binds it, defaults applied.</summary>
    private static List<string> EnforcedDuties(Dictionary<string, string?> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Where(e => e.Key.StartsWith("Connector__", StringComparison.OrdinalIgnoreCase))
                .Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();
        ConnectorOptions options;
        try
        {
            options = configuration.GetSection("Connector").Get<ConnectorOptions>() ?? new ConnectorOptions();
        }
        catch (InvalidOperationException)
        {
            options = new ConnectorOptions(); // The "service options" check reports why it does not bind.
        }
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            options.DataDirectory = "/data";
        }
        options.ApplyDefaults();
        return [.. options.Enforces];
    }

    /// <summary>The parties of the demo (issue 8): a steel maker that provides (88.608.…, sector C31), a domestic consumer, a foreign one in Germany.</summary>
    private static IEnumerable<string> Cast(Dictionary<string, (ComposeService Service, JsonObject? Attributes)> participants)
    {
        string? Text(JsonObject? attributes, string name) => attributes?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var steel = participants.Where(p => p.Key.StartsWith("88.608.", StringComparison.Ordinal) && Text(p.Value.Attributes, ParticipantAttributes.Sector) == "C31").ToList();
        if (steel.Count == 0)
        {
            yield return "no connector is the steel maker of the demo (participant id 88.608.…, sector C31).";
        }
        if (!participants.Any(p => Text(p.Value.Attributes, ParticipantAttributes.Country) == "CN" && !steel.Any(s => s.Key == p.Key)))
        {
            yield return "no connector is the domestic consumer of the demo (country CN, besides the steel maker).";
        }
        if (!participants.Any(p => Text(p.Value.Attributes, ParticipantAttributes.Country) == "DE"))
        {
            yield return "no connector is the foreign analytics firm of the demo (country DE).";
        }
    }

    private static IEnumerable<string> CheckAzurite(Deployment deployment, ComposeService service, string key, string? value, List<ComposeService> azurites)
    {
        if (value is null)
        {
            yield return $"service '{service.Name}': {key} is not set.";
            yield break;
        }
        var parts = ConnectionString.Parse(value);
        if (parts.ContainsKey("UseDevelopmentStorage"))
        {
            yield return $"service '{service.Name}': {key}: UseDevelopmentStorage=true means 127.0.0.1 inside the container; give the Azurite service's BlobEndpoint (http://{azurites.FirstOrDefault()?.Name ?? "azurite"}:10000/{AzuriteAccount}).";
            yield break;
        }
        if (!Uri.TryCreate(parts.GetValueOrDefault("BlobEndpoint"), UriKind.Absolute, out var endpoint))
        {
            yield return $"service '{service.Name}': {key} has no BlobEndpoint URL.";
            yield break;
        }
        var target = azurites.FirstOrDefault(a => a.Name == endpoint.Host);
        if (target is null)
        {
            yield return $"service '{service.Name}': {key}: BlobEndpoint {endpoint} is not the Azurite service ({string.Join(", ", azurites.Select(a => a.Name))}).";
            yield break;
        }
        var account = parts.GetValueOrDefault("AccountName");
        if (endpoint.AbsolutePath.TrimEnd('/') != "/" + account)
        {
            yield return $"service '{service.Name}': {key}: BlobEndpoint {endpoint} does not end with the account name /{account} (Azurite's path-style URLs).";
        }
        if (!deployment.EffectiveEnvironment(target).ContainsKey("AZURITE_ACCOUNTS") && (account != AzuriteAccount || parts.GetValueOrDefault("AccountKey") != AzuriteKey))
        {
            yield return $"service '{service.Name}': {key}: Azurite knows only the account {AzuriteAccount} with its well-known key (unless AZURITE_ACCOUNTS says otherwise).";
        }
    }

    private static IEnumerable<string> NamedVolume(ComposeService service, string key, string? path, string what)
    {
        if (path is null || service.MountOf(path) is not { IsNamedVolume: true, ReadOnly: false })
        {
            yield return $"service '{service.Name}': {key} {Quote(path)} is not in a writable named volume: {what} would be lost with the container.";
        }
    }

    private static IEnumerable<(ComposeService Service, string Section)> DataSpaceServices(Deployment deployment) =>
        deployment.WithRole(Role.Broker).Select(s => (s, ConfigurationRules.BrokerSection))
            .Concat(deployment.WithRole(Role.Connector).Select(s => (s, ConfigurationRules.ConnectorSection)));

    private static string Relative(Mount mount, string containerPath) =>
        containerPath[mount.Target.TrimEnd('/').Length..].Trim('/');

    private static string Combine(string a, string b) => a.Length == 0 ? b : a + "/" + b;

    private static string? Normalize(string? url) => url?.Trim().TrimEnd('/');

    private static string Quote(string? value) => value is null ? "not set" : $"\"{value}\"";

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
