using System.CommandLine;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Ledger;

/// <summary><c>dataspace ledger generate|prove|check-proof</c>: synthetic ledgers and offline receipts.</summary>
internal static class LedgerCommand
{
    public static Command Create(CliConsole console) =>
        new("ledger", "Work with signed ledgers: generate a synthetic one, prove an entry, check a receipt.")
        {
            GenerateCommand.Create(console),
            ProveCommand.Create(console),
            CheckProofCommand.Create(console),
        };
}
