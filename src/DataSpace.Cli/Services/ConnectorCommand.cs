using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Connector.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Cli.Services;

/// <summary>
/// <c>dataspace connector --data DIR --broker URL --key key.json [--urls URL] [--policies PATH] [--config connector.json]</c>:
/// runs a connector on defaults: file-system asset and received-data stores under DIR, embedded
/// policies from <c>./policies</c>, the local API credential in DIR/api.token.
/// </summary>
internal static class ConnectorCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string?>("--data") { Description = "The connector's data directory. Connector:DataDirectory." };
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5201; also the endpoint registered with the broker unless Connector:PublicUrl is set." };
        var broker = new Option<string?>("--broker") { Description = "The broker's URL. Connector:BrokerUrl." };
        var key = new Option<string?>("--key") { Description = "The participant key file (dataspace keys new). Connector:KeyFile." };
        var policies = new Option<string?>("--policies") { Description = "Policy directory or bundle (default ./policies). Connector:Policy:Path." };
        var config = new Option<string?>("--config") { Description = "A JSON configuration file with a \"Connector\" section (see README, 'Operating a connector')." };
        var command = new Command("connector", "Run a connector: assets, offers, negotiation, signed and encrypted transfers, usage control.") { data, urls, broker, key, policies, config };
        command.SetAction((parsed, cancellationToken) => ServiceLauncher.RunAsync(
            console,
            parsed.GetValue(config),
            new Dictionary<string, string?>
            {
                ["Connector:DataDirectory"] = parsed.GetValue(data) is { } d ? Path.GetFullPath(d) : null,
                ["Connector:BrokerUrl"] = parsed.GetValue(broker),
                ["Connector:KeyFile"] = parsed.GetValue(key) is { } k ? Path.GetFullPath(k) : null,
                ["Connector:PublicUrl"] = parsed.GetValue(urls)?.Split(';')[0],
                ["Connector:Policy:Path"] = parsed.GetValue(policies),
                ["urls"] = parsed.GetValue(urls),
            },
            ConnectorHost.BuildAsync,
            Banner,
            cancellationToken));
        return command;
    }

    private static IEnumerable<string> Banner(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var options = app.Services.GetRequiredService<ConnectorOptions>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        yield return $"connector listening on {string.Join(", ", addresses)}, broker {options.BrokerUrl}";
        yield return $"  data:             {options.DataDirectory}";
        yield return $"  local API token:  {Path.Combine(options.DataDirectory, "api.token")}";
        yield return $"  policies:         {options.Policy.Backend} ({Path.GetFullPath(options.Policy.Path)})";
        yield return "  API reference:    /scalar, health: /healthz /readyz";
    }
}
