using DataSpace.Hosting;
using DataSpace.Cli.Hosting;
using DataSpace.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

namespace DataSpace.Cli.Services;

/// <summary>
/// Runs a DataSpace service (broker or connector) in the foreground: configuration from an optional
/// JSON file, then environment variables, then the command's flags (highest); a configuration
/// problem is an input error (exit 3) listing every problem, never a stack trace.
/// </summary>
internal static class ServiceLauncher
{
    private const string SettingsHint = "fix the settings above (flags, environment variables or --config file); 'dataspace <command> --help' lists the flags.";

    public static async Task<int> RunAsync(
        CliConsole console,
        string? configFile,
        IReadOnlyDictionary<string, string?> flags,
        Func<WebApplicationBuilder, CancellationToken, Task<WebApplication>> build,
        Func<WebApplication, IEnumerable<string>> banner,
        CancellationToken cancellationToken)
    {
        var builder = ServiceBuilder.Create([]);
        // Quiet by default: the banner says what matters; Logging__LogLevel__Default=Information shows more.
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning"), new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning")]);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw CliException.Input($"configuration file {configFile} does not exist.");
            }
            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(flags.Where(f => f.Value is not null));
        if (flags.TryGetValue("urls", out var urls) && urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }
        WebApplication app;
        try
        {
            app = await build(builder, cancellationToken);
        }
        catch (Exception e) when (e is Broker.Hosting.BrokerConfigurationException or Connector.Hosting.ConnectorConfigurationException)
        {
            throw CliException.Input(e.Message, SettingsHint, e);
        }
        catch (Exception e) when (SettingErrors.Describe(e) is { } problem)
        {
            throw BadSetting(problem, e);
        }
        catch (PolicyLoadException e)
        {
            throw CliException.Input($"cannot load the policies: {e.Message}", "check Policy:Path (--policies).", e);
        }
        catch (InvalidDataException e)
        {
            throw CliException.Input($"the ledger cannot be opened: {e.Message}", "run 'dataspace audit' on it.", e);
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                throw CliException.Input($"cannot listen: {e.Message}", "pick another --urls port, or stop what is using it.", e);
            }
            catch (Exception e) when (SettingErrors.Describe(e) is { } problem)
            {
                // Options are bound and checked as the services start.
                throw BadSetting(problem, e);
            }
            foreach (var line in banner(app))
            {
                await console.Out.WriteLineAsync(line);
            }
            await console.Out.WriteLineAsync("Ctrl+C stops.");
            await console.Out.FlushAsync(cancellationToken);
            using var stop = StdinShutdown.Link(cancellationToken);
            await app.WaitForShutdownAsync(stop.Token);
        }
        return ExitCodes.Success;
    }

    private static CliException BadSetting(string problem, Exception e) => CliException.Input($"a setting is wrong: {problem}", SettingsHint, e);
}
