using System.CommandLine;
using DataSpace.Cli.Demo.Space;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Demo;

/// <summary>
/// <c>dataspace demo [--keep DIR] [--azurite] [--processes] [--scenario FILE] [--policies DIR]</c>: the
/// whole space — a broker and the scenario's connectors on free loopback ports, in this process or
/// (<c>--processes</c>) each as its own <c>dataspace broker|connector --config FILE</c> — running
/// the story of <c>samples/scenario.json</c>, one table per step. Exit 0 only when every outcome the
/// scenario states happened and the untampered ledger verifies; 1 otherwise, with the mismatches listed.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var keep = new Option<string?>("--keep") { HelpName = "DIR", Description = "Keep the workspace in this new or empty directory: keys, configs, and the broker's ledger in DIR/ledger (dataspace audit DIR/ledger)." };
        var azurite = new Option<bool>("--azurite") { Description = $"Run on Azurite instead of the file system (connection string from {StorageMode.AzuriteVariable}; scripts/lib/azurite.sh starts one)." };
        var scenario = new Option<string?>("--scenario") { HelpName = "FILE", Description = "The scenario to run (default: the repository's samples/scenario.json)." };
        var policies = new Option<string?>("--policies") { HelpName = "DIR", Description = "The policy directory (default: the repository's policies/)." };
        var processes = new Option<bool>("--processes") { Description = "Run the broker and each connector as its own process (dataspace broker|connector --config FILE, the files --keep keeps) instead of in this one." };
        var command = new Command("demo", "Run the whole data space (in one process, or one process per service with --processes): onboarding, offers, negotiation, transfer, usage control, deletion and the audit of the ledger.")
        {
            keep, azurite, processes, scenario, policies,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var scenarioPath = DemoPaths.Scenario(parsed.GetValue(scenario));
            var options = new DemoOptions(scenarioPath, DemoPaths.Policies(parsed.GetValue(policies), scenarioPath), parsed.GetValue(keep), Storage(parsed.GetValue(azurite)), parsed.GetValue(processes));
            return DemoRunner.RunAsync(console, options, cancellationToken);
        });
        return command;
    }

    private static StorageMode Storage(bool azurite)
    {
        if (!azurite)
        {
            return StorageMode.Files;
        }
        return Environment.GetEnvironmentVariable(StorageMode.AzuriteVariable) is { Length: > 0 } connectionString
            ? StorageMode.Azurite(connectionString)
            : throw CliException.Input($"--azurite needs {StorageMode.AzuriteVariable}.", "start Azurite with: source scripts/lib/azurite.sh && start_azurite .");
    }
}
