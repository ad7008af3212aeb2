using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Ledger.Logs;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// <c>dataspace ledger generate --entries N --parties P --out DIR [--checkpoint-every K] [--seed S]</c>:
/// a realistic synthetic signed ledger (registrations, then entries signed by two parties each).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var entries = new Option<ulong>("--entries", "-n") { Description = "Total entries, registrations included.", Required = true };
        var parties = new Option<int>("--parties", "-p") { Description = "Participants besides the operator (at least 2).", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The new ledger directory (must not exist or be empty).", Required = true };
        var interval = new Option<ulong>("--checkpoint-every", "-k") { Description = "Sign a checkpoint every K entries (and at the end).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int?>("--seed") { Description = "Seed for keys and content: the same seed writes the same ledger." };
        var command = new Command("generate", "Write a synthetic signed ledger: registrations, then two-party contract and transfer entries, with checkpoints.")
        {
            entries, parties, output, interval, seed,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (n, p, k, dir) = (parsed.GetValue(entries), parsed.GetValue(parties), parsed.GetValue(interval), parsed.GetRequiredValue(output));
            if (p < 2 || n < (ulong)p + 1 || k == 0)
            {
                throw CliException.Input($"--entries {n} --parties {p} --checkpoint-every {k} cannot make a ledger.",
                    "use at least 2 parties, at least parties + 1 entries (the registrations) and a checkpoint interval above 0.");
            }
            if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            {
                throw CliException.Output($"{dir} is not empty.", "generate into a new directory.");
            }
            var options = new SyntheticLedgerOptions { Entries = n, Parties = p, CheckpointInterval = k, Seed = parsed.GetValue(seed) };
            var summary = await CountProgress.RunAsync(console, "generating", n, report =>
                SyntheticLedger.GenerateAsync(dir, options, report is null ? null : new Progress<ulong>(done => report(done)), cancellationToken));
            await console.Out.WriteLineAsync($"wrote {summary.Entries} entries, {summary.Participants} participants and {summary.Checkpoints} checkpoints to {dir}");
            await console.Out.WriteLineAsync($"log key: {summary.LogKey}");
            await console.Out.WriteLineAsync($"root:    {Convert.ToBase64String(summary.RootHash)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
