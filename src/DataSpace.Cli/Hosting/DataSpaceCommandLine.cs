using System.CommandLine;
using DataSpace.Cli.Keys;
using DataSpace.Cli.Ledger;
using DataSpace.Cli.Sealing;
using DataSpace.Cli.Signing;

namespace DataSpace.Cli.Hosting;

/// <summary>
/// The <c>dataspace</c> command: builds the command tree from each feature and runs it. Nothing
/// below this class ends the process or prints errors; it maps every failure to an exit code.
/// </summary>
internal static class DataSpaceCommandLine
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = BuildRoot(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}");
            }
            await console.Error.WriteLineAsync("hint: run 'dataspace --help' or 'dataspace <command> --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken);
        }
        catch (CliException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            if (e.Hint is not null)
            {
                await console.Error.WriteLineAsync($"hint: {e.Hint}");
            }
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("error: cancelled.");
            return ExitCodes.InternalError;
        }
        catch (Exception e)
        {
            await console.Error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message}");
            await console.Error.WriteLineAsync("hint: this is a bug in dataspace; please report it with the command line you ran.");
            return ExitCodes.InternalError;
        }
    }

    private static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("DataSpace: a trusted data-circulation space with signed contracts, end-to-end encryption and a verifiable ledger.");
        root.Add(KeysCommand.Create(console));
        root.Add(SealCommand.Create(console));
        root.Add(OpenCommand.Create(console));
        root.Add(SignCommand.Create(console));
        root.Add(VerifyCommand.Create(console));
        root.Add(Policy.PolicyCommand.Create(console));
        root.Add(LedgerCommand.Create(console));
        root.Add(AuditCommand.Create(console));
        root.Add(Services.BrokerCommand.Create(console));
        root.Add(Services.ConnectorCommand.Create(console));
        root.Add(Demo.DemoCommand.Create(console));
        return root;
    }
}
