using System.CommandLine;
using System.Text;
using DataSpace.Cli.Hosting;
using DataSpace.Ledger.Verification;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// <c>dataspace ledger check-proof --receipt F --log-key VKEY [--entry E]</c>: verifies a receipt
/// offline. Exit 0 when verified, 1 when it is false (wrong key, altered), 3 when malformed.
/// </summary>
internal static class CheckProofCommand
{
    public static Command Create(CliConsole console)
    {
        var receipt = new Option<string>("--receipt", "-r") { Description = "The receipt file ('dataspace ledger prove' output).", Required = true };
        var logKey = new Option<string>("--log-key") { Description = "The log's verifier key (its log.vkey), obtained from a source you trust.", Required = true };
        var entry = new Option<string?>("--entry", "-e") { Description = "The entry's canonical bytes to check, instead of the copy inside the receipt." };
        var command = new Command("check-proof", "Verify an offline receipt against the log's key.") { receipt, logKey, entry };
        command.SetAction(async (parsed, _) =>
        {
            var key = LedgerOptions.VerifierKey("--log-key", parsed.GetRequiredValue(logKey));
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(CliFiles.ReadAllBytes(parsed.GetRequiredValue(receipt)));
            }
            catch (DecoderFallbackException e)
            {
                throw CliException.Input($"{parsed.GetRequiredValue(receipt)} is not UTF-8 text, so not a receipt.", inner: e);
            }
            var entryBytes = parsed.GetValue(entry) is { } path ? CliFiles.ReadAllBytes(path) : null;
            var check = LedgerReceipts.Verify(text, key, entryBytes);
            switch (check.Status)
            {
                case ReceiptStatus.Malformed:
                    throw CliException.Input($"malformed receipt: {check.Reason}.", "pass the file 'dataspace ledger prove' printed, unchanged.");
                case ReceiptStatus.Invalid:
                    await console.Error.WriteLineAsync($"error: not verified: {check.Reason}.");
                    return ExitCodes.VerificationFailed;
                default:
                    var type = check.Entry?.Type ?? "(not a ledger entry)";
                    await console.Out.WriteLineAsync($"verified: entry {check.Index} ({type}) is in {key.Name} at checkpoint size {check.Size}");
                    return ExitCodes.Success;
            }
        });
        return command;
    }
}
