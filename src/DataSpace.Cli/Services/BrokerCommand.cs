using System.CommandLine;
using DataSpace.Broker.Hosting;
using DataSpace.Cli.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Cli.Services;

/// <summary>
/// <c>dataspace broker --data DIR [--urls URL] [--policies PATH] [--config broker.json]</c>: runs the
/// broker. With only <c>--data</c> it works on defaults: file ledger under DIR, embedded policies
/// from <c>./policies</c>, a key created on first start, the operator credential in DIR/operator.token.
/// </summary>
internal static class BrokerCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string?>("--data") { Description = "The broker's data directory (key, operator token, file ledger). Broker:DataDirectory." };
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5100." };
        var policies = new Option<string?>("--policies") { Description = "Policy directory or bundle (default ./policies). Broker:Policy:Path." };
        var config = new Option<string?>("--config") { Description = "A JSON configuration file with a \"Broker\" section (see README, 'Operating the broker')." };
        var command = new Command("broker", "Run the broker: registry and token service, catalog, negotiation and the signed contract ledger.") { data, urls, policies, config };
        command.SetAction((parsed, cancellationToken) => ServiceLauncher.RunAsync(
            console,
            parsed.GetValue(config),
            new Dictionary<string, string?>
            {
                ["Broker:DataDirectory"] = parsed.GetValue(data) is { } d ? Path.GetFullPath(d) : null,
                ["Broker:Policy:Path"] = parsed.GetValue(policies),
                ["urls"] = parsed.GetValue(urls),
            },
            BrokerHost.BuildAsync,
            Banner,
            cancellationToken));
        return command;
    }

    private static IEnumerable<string> Banner(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var options = app.Services.GetRequiredService<BrokerOptions>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        yield return $"broker {options.ParticipantId} listening on {string.Join(", ", addresses)}";
        yield return $"  data:           {options.DataDirectory}";
        yield return $"  operator token: {Path.Combine(options.DataDirectory, "operator.token")}";
        yield return $"  ledger:         {(options.Ledger.Store == LedgerStoreOptions.File ? options.Ledger.Directory ?? Path.Combine(options.DataDirectory, "ledger") : $"azure container {options.Ledger.Container}")}";
        yield return $"  policies:       {options.Policy.Backend} ({Path.GetFullPath(options.Policy.Path)})";
        yield return "  API reference:  /scalar, health: /healthz /readyz";
    }
}
