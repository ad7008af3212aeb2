using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Services;

/// <summary>A setting of the wrong type or out of range stops a service command as an input error that names it, not as a crash.</summary>
public sealed class ServiceSettingsTests
{
    [Theory]
    [InlineData("broker", """{ "Telemetry": { "Enabled": "maybe" } }""", "'Telemetry:Enabled'")]
    [InlineData("broker", """{ "Hosting": { "Limits": { "MaxRequestBodySize": "abc" } } }""", "'Hosting:Limits:MaxRequestBodySize'")]
    [InlineData("broker", """{ "Hosting": { "Limits": { "MaxRequestBodySize": -1 } } }""", "Hosting:Limits:MaxRequestBodySize must be positive")]
    [InlineData("connector", """{ "Telemetry": { "Enabled": "maybe" } }""", "'Telemetry:Enabled'")]
    [InlineData("connector", """{ "Hosting": { "Limits": { "MaxRequestBodySize": 0 } } }""", "Hosting:Limits:MaxRequestBodySize must be positive")]
    public async Task BadSetting_IsAnInputErrorNamingIt(string command, string settings, string named)
    {
        using var directory = new TempDirectory();
        var config = directory.File("settings.json");
        await File.WriteAllTextAsync(config, settings, TestContext.Current.CancellationToken);

        string[] service = ["--data", directory.File("data"), "--urls", "http://127.0.0.1:0", "--config", config];
        if (command == "connector")
        {
            (await CliRun.RunAsync("keys", "new", "--id", "88.608.1001", "--out", directory.File("key.json"))).Succeeded();
            service = [.. service, "--broker", "http://127.0.0.1:9", "--key", directory.File("key.json")];
        }

        var run = await CliRun.RunAsync([command, .. service]);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("a setting is wrong", run.Error, StringComparison.Ordinal);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("bug", run.Error, StringComparison.Ordinal);
    }
}
