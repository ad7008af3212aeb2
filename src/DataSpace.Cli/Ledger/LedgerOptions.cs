using DataSpace.Cli.Hosting;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Cli.Ledger;

/// <summary>Argument checks shared by the ledger commands.</summary>
internal static class LedgerOptions
{
    public static string ExistingLedger(string directory) =>
        Directory.Exists(directory) ? directory
            : throw CliException.Input($"there is no ledger directory {directory}.", "pass the directory 'dataspace ledger generate --out' or the broker wrote.");

    public static Ed25519PublicKey VerifierKey(string option, string text) =>
        Ed25519PublicKey.TryParse(text.Trim(), out var key, out var error)
            ? key!
            : throw CliException.Input($"{option} \"{text}\" is not a verifier key: {error}.", "use the key in the ledger's log.vkey file (name+hash+base64).");
}
