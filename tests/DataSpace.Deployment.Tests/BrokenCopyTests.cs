using DataSpace.Deployment.Tests.Compose;
using DataSpace.Deployment.Tests.Docker;
using DataSpace.Deployment.Tests.Rules;
using DataSpace.Testing;

namespace DataSpace.Deployment.Tests;

/// <summary>
/// The checks can fail: each case breaks one thing in a copy of the deployment (the parsed compose
/// file, a Dockerfile or the .dockerignore) and expects a problem that names the service and the key.
/// </summary>
public sealed class BrokenCopyTests
{
    private static readonly Dictionary<string, (Action<Deployment> Break, string[] Expected)> Breakages = new(StringComparer.Ordinal)
    {
        ["a renamed environment key"] = (d => Rename(d, "broker", "Broker__Ledger__Store", "Broker__Ledger__Stor"), ["service 'broker'", "Broker__Ledger__Stor:", "has no setting 'Stor'"]),
        ["a misspelt nested section"] = (d => Rename(d, "steelmaker", "Connector__Assets__Kind", "Connector__Asset__Kind"), ["service 'steelmaker'", "Connector__Asset__Kind"]),
        ["a key of the other service"] = (d => Set(d, "steelmaker", "Broker__Ledger__Store", "file"), ["service 'steelmaker'", "Broker__Ledger__Store"]),
        ["a list set as one value"] = (d => Set(d, "autoparts", "Connector__Enforces", "encrypt"), ["service 'autoparts'", "Connector__Enforces", "list"]),
        ["an unknown ledger store"] = (d => Set(d, "broker", "Broker__Ledger__Store", "blob"), ["service 'broker'", "Broker__Ledger__Store", "\"blob\""]),
        ["an unknown blob store kind"] = (d => Set(d, "autoparts", "Connector__Received__Kind", "Azure"), ["service 'autoparts'", "Connector__Received__Kind", "\"Azure\""]),
        ["an unknown policy backend"] = (d => Set(d, "analytics", "Connector__Policy__Backend", "rego"), ["service 'analytics'", "Connector__Policy__Backend", "\"rego\""]),
        ["a duration that is not one"] = (d => Set(d, "broker", "Broker__CallbackTimeout", "ten seconds"), ["service 'broker'", "Broker__CallbackTimeout"]),
        ["a value the broker refuses at start"] = (d => Set(d, "broker", "Broker__CallbackTimeout", "-00:00:05"), ["service 'broker'", "Broker:CallbackTimeout must be positive"]),
        ["a container name Azure refuses"] = (d => Set(d, "steelmaker", "Connector__Assets__Container", "Steel_Assets"), ["service 'steelmaker'", "Connector:Assets"]),
        ["two stores in one container"] = (d => Set(d, "analytics", "Connector__Received__Container", "steelmaker-assets"), ["service 'analytics'", "Connector__Received__Container", "steelmaker"]),
        ["a URL to a missing service"] = (d => Set(d, "steelmaker", "Connector__Policy__OpaUrl", "http://opa-server:8181/"), ["service 'steelmaker'", "Connector__Policy__OpaUrl", "opa-server"]),
        ["a URL to the wrong port"] = (d => Set(d, "autoparts", "Connector__BrokerUrl", "http://broker:5000"), ["service 'autoparts'", "Connector__BrokerUrl", "5000"]),
        ["a URL to a service it does not wait for"] = (d => d.Compose.Services["steelmaker"].DependsOn.Remove("azurite"), ["service 'steelmaker'", "Connector__Assets__ConnectionString", "depends_on"]),
        ["a ledger at localhost"] = (d => Set(d, "broker", "Broker__Ledger__ConnectionString", Get(d, "broker", "Broker__Ledger__ConnectionString").Replace("azurite:", "127.0.0.1:", StringComparison.Ordinal)), ["service 'broker'", "Broker__Ledger__ConnectionString"]),
        ["development storage in a container"] = (d => Set(d, "analytics", "Connector__Assets__ConnectionString", "UseDevelopmentStorage=true"), ["service 'analytics'", "Connector__Assets__ConnectionString", "UseDevelopmentStorage"]),
        ["a file ledger"] = (d => Set(d, "broker", "Broker__Ledger__Store", "file"), ["service 'broker'", "Broker__Ledger__Store"]),
        ["an embedded policy engine"] = (d => Set(d, "broker", "Broker__Policy__Backend", "embedded"), ["service 'broker'", "Broker__Policy__Backend"]),
        ["a dependency on a missing service"] = (d => d.Compose.Services["onboard"].DependsOn["brokerr"] = "service_healthy", ["service 'onboard'", "depends_on", "brokerr"]),
        ["waiting for the health of a service without a healthcheck"] = (d => d.Compose.Services["broker"].DependsOn["opa"] = "service_healthy", ["service 'broker'", "depends_on: opa"]),
        ["a dependency cycle"] = (d => d.Compose.Services["azurite"].DependsOn["onboard"] = "service_started", ["depends_on: cycle"]),
        ["an undeclared volume"] = (d => d.Compose.DeclaredVolumes.Remove("broker-data"), ["service 'broker'", "broker-data"]),
        ["a declared volume nobody mounts"] = (d => d.Compose.DeclaredVolumes.Add("spare"), ["volume 'spare'"]),
        ["a host port published twice"] = (d => d.Compose.Services["autoparts"].Ports[0] = new PortMapping("127.0.0.1", 8081, 8080, "127.0.0.1:8081:8080"), ["service 'autoparts'", "8081", "steelmaker"]),
        ["a published port nobody listens on"] = (d => d.Compose.Services["broker"].Ports[0] = new PortMapping("127.0.0.1", 8080, 80, "127.0.0.1:8080:80"), ["service 'broker'", "ports", "80"]),
        ["OPA without the policies"] = (d => d.Compose.Services["opa"].Volumes.Clear(), ["service 'opa'", "policies"]),
        ["a service without the policy files"] = (d => d.Compose.Services["steelmaker"].Volumes.RemoveAll(m => m.IsBind), ["service 'steelmaker'", "Connector__Policy__Path"]),
        ["Azurite listening on loopback"] = (d => Replace(d.Compose.Services["azurite"].Command, "0.0.0.0", "127.0.0.1"), ["service 'azurite'", "blobHost"]),
        ["an unpinned image"] = (d => d.Compose.Services["opa"].Image = "openpolicyagent/opa", ["service 'opa'", "image", "not pinned"]),
        ["a Dockerfile that runs as root"] = (d => EditDockerfile(d, "docker/broker/Dockerfile", t => t.Replace("USER $APP_UID", "USER root", StringComparison.Ordinal)), ["service 'broker'", "docker/broker/Dockerfile", "root"]),
        ["a Dockerfile without USER"] = (d => EditDockerfile(d, "docker/onboard/Dockerfile", t => t.Replace("USER $APP_UID", string.Empty, StringComparison.Ordinal)), ["service 'onboard'", "docker/onboard/Dockerfile", "no USER"]),
        ["a single-stage Dockerfile"] = (d => EditDockerfile(d, "docker/connector/Dockerfile", t => t[t.IndexOf("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)..]), ["service 'steelmaker'", "docker/connector/Dockerfile", "multi-stage"]),
        ["a health check on the wrong port"] = (d => EditDockerfile(d, "docker/broker/Dockerfile", t => t.Replace("127.0.0.1:8080/healthz", "127.0.0.1:5000/healthz", StringComparison.Ordinal)), ["service 'broker'", "HEALTHCHECK"]),
        ["a Dockerfile copying a missing file"] = (d => EditDockerfile(d, "docker/connector/Dockerfile", t => t.Replace("docker/connector/entrypoint.sh", "docker/connector/start.sh", StringComparison.Ordinal)), ["service 'autoparts'", "docker/connector/start.sh"]),
        ["a .dockerignore that drops src"] = (d => d.Ignores[d.Root] = DockerIgnore.Parse(File.ReadAllText(Path.Combine(d.Root, ".dockerignore")) + "\nsrc\n"), ["service 'broker'", "src/", ".dockerignore"]),
        ["a registration with another endpoint"] = (d => Set(d, "steelmaker", "DATASPACE_PARTICIPANT_ATTRIBUTES", Get(d, "steelmaker", "DATASPACE_PARTICIPANT_ATTRIBUTES").Replace("http://steelmaker:8080", "http://steelmaker:9090", StringComparison.Ordinal)), ["service 'steelmaker'", "endpoint"]),
        ["a registration the broker refuses"] = (d => Set(d, "analytics", "DATASPACE_PARTICIPANT_ATTRIBUTES", Get(d, "analytics", "DATASPACE_PARTICIPANT_ATTRIBUTES").Replace("\"DE\"", "\"Germany\"", StringComparison.Ordinal)), ["service 'analytics'", "attributes.country"]),
        ["two connectors with one participant id"] = (d => Set(d, "autoparts", "DATASPACE_PARTICIPANT_ID", "88.608.3100"), ["service 'autoparts'", "DATASPACE_PARTICIPANT_ID"]),
        ["an onboarding that forgets a participant"] = (d => Set(d, "onboard", "DATASPACE_PARTICIPANTS", "88.608.3100 88.612.3601"), ["service 'onboard'", "DATASPACE_PARTICIPANTS"]),
        ["an operator token outside the broker's volume"] = (d => Set(d, "onboard", "DATASPACE_OPERATOR_TOKEN_FILE", "/var/lib/dataspace/registrations/operator.token"), ["service 'onboard'", "DATASPACE_OPERATOR_TOKEN_FILE"]),
        ["a token issuer other containers cannot reach"] = (d => Set(d, "broker", "Broker__PublicUrl", "http://localhost:8080"), ["service 'broker'", "Broker__PublicUrl"]),
        ["a private key volume shared"] = (d => d.Compose.Services["onboard"].Volumes.Add(new Mount("volume", "steelmaker-keys", "/keys", true)), ["service 'steelmaker'", "steelmaker-keys", "onboard"]),
        ["connector state in the container"] = (d => d.Compose.Services["analytics"].Volumes.RemoveAll(m => m.Source == "analytics-data"), ["service 'analytics'", "Connector__DataDirectory"]),
    };

    public static TheoryData<string> Cases => [.. Breakages.Keys];

    [Fact]
    public void The_unbroken_copy_has_no_problem()
    {
        var problems = Checks.All(Deployment.Load());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_copy_fails_naming_the_service_and_the_key(string breakage)
    {
        var deployment = Deployment.Load();
        var (@break, expected) = Breakages[breakage];
        @break(deployment);
        var problems = Checks.All(deployment);
        Assert.True(problems.Any(p => expected.All(e => p.Contains(e, StringComparison.Ordinal))),
            $"after {breakage}, expected a problem with {string.Join(" and ", expected.Select(e => $"\"{e}\""))}; got:\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void A_renamed_key_in_the_yaml_text_fails()
    {
        var path = Path.Combine(RepositoryPaths.RepositoryRoot, Deployment.ComposeFileName);
        var text = File.ReadAllText(path);
        Assert.Contains("Connector__Policy__OpaUrl:", text, StringComparison.Ordinal);
        var broken = Deployment.FromCompose(ComposeFile.Parse(text.Replace("Connector__Policy__OpaUrl:", "Connector__Policy__OpaURI:", StringComparison.Ordinal), RepositoryPaths.RepositoryRoot));
        var problems = Checks.All(broken);
        // The key sits in the shared connector environment (a YAML anchor): every connector is named.
        foreach (var connector in new[] { "steelmaker", "autoparts", "analytics" })
        {
            Assert.Contains(problems, p => p.Contains($"service '{connector}': Connector__Policy__OpaURI", StringComparison.Ordinal));
        }
    }

    private static string Get(Deployment deployment, string service, string key) =>
        deployment.Compose.Services[service].Environment[key]!;

    private static void Set(Deployment deployment, string service, string key, string value) =>
        deployment.Compose.Services[service].Environment[key] = value;

    private static void Rename(Deployment deployment, string service, string key, string renamed)
    {
        var environment = deployment.Compose.Services[service].Environment;
        Assert.True(environment.Remove(key, out var value), $"service '{service}' has no {key} to rename");
        environment[renamed] = value;
    }

    private static void Replace(List<string> words, string from, string to)
    {
        var index = words.IndexOf(from);
        Assert.True(index >= 0, $"no '{from}' in [{string.Join(", ", words)}]");
        words[index] = to;
    }

    private static void EditDockerfile(Deployment deployment, string relative, Func<string, string> edit)
    {
        var path = Path.GetFullPath(Path.Combine(deployment.Root, relative));
        var text = File.ReadAllText(path);
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        deployment.Dockerfiles[path] = Dockerfile.Parse(relative, edited);
    }
}
