using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Policy;
using DataSpace.Rego;

namespace DataSpace.Cli.Policy;

/// <summary>
/// <c>dataspace policy serve --addr 127.0.0.1:8181 [-d DIR] [--v0-compatible]</c>: OPA's REST API on the
/// embedded engine, until Ctrl+C or SIGTERM.
/// </summary>
internal static class PolicyServeCommand
{
    public static Command Create(CliConsole console)
    {
        var addr = new Option<string>("--addr") { Description = "Listen address as host:port (':8181' for every interface; port 0 picks a free one).", DefaultValueFactory = _ => "127.0.0.1:8181" };
        var dir = new Option<string?>("--policies", "-d") { Description = "A policy directory or .tar.gz bundle to load at start." };
        var v0 = PolicyOptions.V0Compatible();
        var command = new Command("serve", "Serve OPA's REST API (v1 policies, data, query, health) from the embedded engine.") { addr, dir, v0 };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(dir);
            var bundle = path is null ? null : PolicyLoading.LoadBundle(path, parsed.GetValue(v0));
            await using var server = await StartAsync(parsed.GetRequiredValue(addr), path, bundle, parsed.GetValue(v0), cancellationToken);
            var loaded = bundle is null ? "no policies" : $"{bundle.Modules.Count} modules, bundle {bundle.Digest}";
            await console.Out.WriteLineAsync($"listening on {server.Address} ({loaded}); Ctrl+C stops");
            await console.Out.FlushAsync(cancellationToken);
            await server.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<PolicyServer> StartAsync(string address, string? path, PolicyBundle? bundle, bool v0, CancellationToken cancellationToken)
    {
        try
        {
            return await PolicyServer.StartAsync(new PolicyServerOptions
            {
                Address = address,
                Bundle = bundle,
                DefaultRegoVersion = v0 ? RegoVersion.V0 : RegoVersion.V1,
            }, cancellationToken);
        }
        catch (PolicyLoadException e)
        {
            throw PolicyLoading.Failure(path!, e);
        }
        catch (ArgumentException e)
        {
            throw CliException.Input(e.Message, inner: e);
        }
        catch (IOException e)
        {
            throw CliException.Input($"cannot listen on {address}: {e.Message}", "pick another port with --addr, or stop what is using it.", e);
        }
    }
}
