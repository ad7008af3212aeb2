using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Keys;
using DataSpace.Testing;

namespace DataSpace.Deployment.Tests;

/// <summary>
/// The onboarding of docker-compose.yml without Docker: docker/connector/entrypoint.sh runs with each
/// connector's environment from the compose file (container paths moved to a temporary folder) and
/// the real `dataspace` command, then docker/onboard/onboard.sh submits the registrations to a real
/// broker with its operator credential. Needs sh, sed and curl, as the images have.
/// </summary>
public sealed class OnboardingScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dataspace-deployment-").FullName;
    private readonly string _bin;
    private readonly string _registrations;
    private readonly string _started;

    public OnboardingScriptTests()
    {
        _bin = Path.Combine(_root, "bin");
        _registrations = Path.Combine(_root, "registrations");
        _started = Path.Combine(_root, "started.log");
        Directory.CreateDirectory(_bin);
        // `dataspace` as the images have it, except that `dataspace connector` only notes that it was started.
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        var cli = Path.Combine(AppContext.BaseDirectory, "dataspace.dll");
        var wrapper = Path.Combine(_bin, "dataspace");
        File.WriteAllText(wrapper, $"#!/bin/sh\nif [ \"$1\" = connector ]; then echo \"dataspace $*\" >>'{_started}'; exit 0; fi\nexec '{dotnet}' '{cli}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connectors_write_registrations_that_the_onboard_script_submits_to_a_real_broker()
    {
        var deployment = Deployment.Load();
        var connectors = deployment.WithRole(Role.Connector).ToList();
        var onboard = Assert.Single(deployment.WithRole(Role.Onboard));
        await using var space = await TestSpace.TestSpace.StartAsync(cancellationToken: Token);

        foreach (var connector in connectors)
        {
            var (code, _, error) = Entrypoint(deployment, connector.Name);
            Assert.True(code == 0, $"entrypoint of {connector.Name} exited {code}: {error}");
        }
        Assert.Equal(connectors.Count, File.ReadAllLines(_started).Count(l => l == "dataspace connector"));

        var (exit, output, stderr) = Onboard(deployment, space, onboard.Name);
        Assert.True(exit == 0, $"onboard.sh exited {exit}: {output} {stderr}");

        using var http = new HttpClient { BaseAddress = space.Broker.Url };
        foreach (var connector in connectors)
        {
            var id = connector.Environment["DATASPACE_PARTICIPANT_ID"]!;
            Assert.Contains($"registered {id}", output, StringComparison.Ordinal);
            var response = await http.GetAsync(new Uri($"participants/{id}", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var participant = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
            using var keys = KeyFile.Parse(await File.ReadAllBytesAsync(KeyPath(connector.Name), Token));
            Assert.Equal(keys.Signer.PublicKey.VerifierKey, participant["verifierKey"]!.GetValue<string>());
            Assert.Equal(connector.Environment["Connector__PublicUrl"], participant["attributes"]!["endpoint"]!.GetValue<string>());
            Assert.Equal("active", participant["status"]!.GetValue<string>());
        }

        // A restart keeps the key and writes the same registration; onboarding again changes nothing.
        var first = connectors[0];
        var key = await File.ReadAllBytesAsync(KeyPath(first.Name), Token);
        var registration = await File.ReadAllTextAsync(Path.Combine(_registrations, first.Environment["DATASPACE_PARTICIPANT_ID"] + ".json"), Token);
        Assert.Equal(0, Entrypoint(deployment, first.Name).ExitCode);
        Assert.Equal(key, await File.ReadAllBytesAsync(KeyPath(first.Name), Token));
        Assert.Equal(registration, await File.ReadAllTextAsync(Path.Combine(_registrations, first.Environment["DATASPACE_PARTICIPANT_ID"] + ".json"), Token));
        var again = Onboard(deployment, space, onboard.Name);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(connectors.Count, again.Out.Split('\n').Count(l => l.EndsWith(" is already registered", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_onboard_script_fails_with_the_brokers_answer_on_a_wrong_credential()
    {
        var deployment = Deployment.Load();
        var connector = deployment.WithRole(Role.Connector).First();
        await using var space = await TestSpace.TestSpace.StartAsync(cancellationToken: Token);
        Assert.Equal(0, Entrypoint(deployment, connector.Name).ExitCode);
        var wrong = Path.Combine(_root, "wrong.token");
        await File.WriteAllTextAsync(wrong, "not-the-operator\n", Token);

        var (code, _, error) = Onboard(deployment, space, "onboard", new() { ["DATASPACE_OPERATOR_TOKEN_FILE"] = wrong, ["DATASPACE_PARTICIPANTS"] = null });

        Assert.Equal(1, code);
        Assert.Contains($"registering {connector.Environment["DATASPACE_PARTICIPANT_ID"]} failed (401)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_entrypoint_refuses_a_key_of_another_participant()
    {
        var deployment = Deployment.Load();
        var connectors = deployment.WithRole(Role.Connector).Take(2).ToList();
        Assert.Equal(0, Entrypoint(deployment, connectors[0].Name).ExitCode);

        var (code, _, error) = Entrypoint(deployment, connectors[1].Name, keyOf: connectors[0].Name);

        Assert.Equal(3, code);
        Assert.Contains($"is the key of {connectors[0].Environment["DATASPACE_PARTICIPANT_ID"]}, not of DATASPACE_PARTICIPANT_ID {connectors[1].Environment["DATASPACE_PARTICIPANT_ID"]}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_started) && File.ReadAllLines(_started).Length > 1, "the connector started with another participant's key");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string KeyPath(string service) => Path.Combine(_root, service, "key.json");

    private (int ExitCode, string Out, string Error) Entrypoint(Deployment deployment, string service, string? keyOf = null)
    {
        var environment = deployment.EffectiveEnvironment(deployment.Compose.Services[service]);
        environment["Connector__KeyFile"] = KeyPath(keyOf ?? service);
        environment["DATASPACE_REGISTRATION_DIR"] = _registrations;
        environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        return Shell.Run("sh", [Path.Combine(RepositoryPaths.RepositoryRoot, "docker", "connector", "entrypoint.sh")], environment, Token);
    }

    private (int ExitCode, string Out, string Error) Onboard(Deployment deployment, TestSpace.TestSpace space, string service, Dictionary<string, string?>? overrides = null)
    {
        var environment = deployment.EffectiveEnvironment(deployment.Compose.Services[service]);
        environment["DATASPACE_BROKER_URL"] = space.Broker.Url.ToString();
        environment["DATASPACE_OPERATOR_TOKEN_FILE"] = Path.Combine(space.Broker.DataDirectory, "operator.token");
        environment["DATASPACE_REGISTRATION_DIR"] = _registrations;
        environment["DATASPACE_ONBOARD_TIMEOUT"] = "10";
        environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        return Shell.Run("sh", [Path.Combine(RepositoryPaths.RepositoryRoot, "docker", "onboard", "onboard.sh")], environment, Token);
    }
}
