using DataSpace.Deployment.Tests.Docker;
using DataSpace.Deployment.Tests.Options;
using DataSpace.Deployment.Tests.Rules;
using DataSpace.Testing;

namespace DataSpace.Deployment.Tests;

/// <summary>
/// docker-compose.yml and docker/ as committed: no Docker engine can run them here, so every check
/// reads the files and compares them with the services' real configuration code.
/// </summary>
public sealed class DeploymentFileTests
{
    public static TheoryData<string> CheckNames => [.. Checks.ByName.Keys];

    [Theory]
    [MemberData(nameof(CheckNames))]
    public void The_deployment_passes_the_check(string check)
    {
        var problems = Checks.ByName[check](Deployment.Load()).ToList();
        Assert.True(problems.Count == 0, $"{Deployment.ComposeFileName} and docker/ fail the '{check}' check:\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void The_compose_file_runs_the_whole_space()
    {
        var deployment = Deployment.Load();
        var roles = deployment.Services.GroupBy(deployment.RoleOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, roles.GetValueOrDefault(Role.Broker));
        Assert.Equal(3, roles.GetValueOrDefault(Role.Connector));
        Assert.Equal(1, roles.GetValueOrDefault(Role.Azurite));
        Assert.Equal(1, roles.GetValueOrDefault(Role.Opa));
        Assert.Equal(1, roles.GetValueOrDefault(Role.Onboard));
        Assert.Equal(0, roles.GetValueOrDefault(Role.Unknown));
    }

    [Fact]
    public void The_scripts_are_valid_shell()
    {
        var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "docker"), "*.sh", SearchOption.AllDirectories);
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var (code, _, error) = Shell.Run("sh", ["-n", script], new Dictionary<string, string?>(), TestContext.Current.CancellationToken);
            Assert.True(code == 0, $"sh -n {script}: {error}");
            Assert.StartsWith("#!/bin/sh\n", File.ReadAllText(script), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_option_walk_sees_nested_settings()
    {
        var broker = OptionsSchema.Paths(typeof(DataSpace.Broker.Hosting.BrokerOptions), "Broker").ToList();
        var connector = OptionsSchema.Paths(typeof(DataSpace.Connector.Hosting.ConnectorOptions), "Connector").ToList();
        Assert.Contains("Broker__Ledger__Store", broker);
        Assert.Contains("Broker__Policy__OpaUrl", broker);
        Assert.Contains("Connector__Assets__ConnectionString", connector);
        Assert.Contains("Connector__Received__Kind", connector);
        Assert.Contains("Connector__Enforces", connector);
        Assert.Null(OptionsSchema.Check(typeof(DataSpace.Connector.Hosting.ConnectorOptions), "Connector", "Connector__Enforces__0", "encrypt"));
        Assert.Null(OptionsSchema.Check(typeof(DataSpace.Broker.Hosting.BrokerOptions), "Broker", "broker__ledger__checkpointinterval", "500"));
        Assert.NotNull(OptionsSchema.Check(typeof(DataSpace.Broker.Hosting.BrokerOptions), "Broker", "Broker__Ledger__CheckpointInterval", "-1"));
        Assert.NotNull(OptionsSchema.Check(typeof(DataSpace.Broker.Hosting.BrokerOptions), "Broker", "Broker__Ledger", "azure"));
    }

    [Fact]
    public void Dockerignore_patterns_apply_as_in_BuildKit()
    {
        var ignore = DockerIgnore.Parse("*\n!src\n!global.json\n**/bin\n**/obj\n");
        Assert.False(ignore.Excludes("src/DataSpace.Core/Results/Error.cs"));
        Assert.False(ignore.Excludes("global.json"));
        Assert.True(ignore.Excludes("src/DataSpace.Core/bin/Debug/net10.0/DataSpace.Core.dll"));
        Assert.True(ignore.Excludes("tests/DataSpace.Core.Tests/ResultTests.cs"));
        Assert.True(ignore.Excludes("node_modules/azurite/package.json"));
    }
}
