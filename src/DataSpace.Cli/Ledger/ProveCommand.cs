using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Ledger.Verification;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// <c>dataspace ledger prove --ledger DIR --index I [--size S]</c>: prints a c2sp.org/tlog-proof
/// receipt for entry I against the stored checkpoint of size S (the latest by default).
/// </summary>
internal static class ProveCommand
{
    public static Command Create(CliConsole console)
    {
        var ledger = new Option<string>("--ledger", "-l") { Description = "The ledger directory.", Required = true };
        var index = new Option<ulong>("--index", "-i") { Description = "Index of the entry to prove.", Required = true };
        var size = new Option<ulong?>("--size", "-s") { Description = "Size of the checkpoint to prove against (default: the latest)." };
        var command = new Command("prove", "Print an offline receipt (c2sp.org/tlog-proof) that an entry is in the ledger.") { ledger, index, size };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var directory = LedgerOptions.ExistingLedger(parsed.GetRequiredValue(ledger));
            var result = await LedgerReceipts.CreateAsync(directory, parsed.GetValue(index), parsed.GetValue(size), cancellationToken);
            if (!result.IsCreated)
            {
                throw CliException.Input($"no receipt: {result.Error}.", "check the index and --size against 'dataspace audit' of the ledger.");
            }
            await console.Out.WriteAsync(result.Proof!.Format());
            return ExitCodes.Success;
        });
        return command;
    }
}
