using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Cli.Signing;

/// <summary>
/// <c>dataspace verify -i signed.json --signer VKEY [--signer VKEY…]</c>: exit 0 only when every
/// signature is by a given signer, verifies, and every given signer has signed.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<string>("--input", "-i") { Description = "The signed JSON object.", Required = true };
        var signers = new Option<string[]>("--signer")
        {
            Description = "A verifier key (name+hash+base64, as 'dataspace keys show' prints) that must have signed. Repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("verify", "Verify the signatures of a signed JSON object against the given verifier keys.")
        {
            input, signers,
        };
        command.SetAction(async (parsed, _) =>
        {
            var keys = parsed.GetRequiredValue(signers).Select(ParseVerifierKey).ToList();
            var document = CliFiles.ReadJsonObject(parsed.GetRequiredValue(input));

            var result = SignedJson.Verify(document, new VerifierKeyRing(keys), keys.Select(k => k.KeyId).ToList());
            if (!result.IsValid)
            {
                await console.Error.WriteLineAsync($"error: not verified: {result.Message}");
                return ExitCodes.VerificationFailed;
            }
            await console.Out.WriteLineAsync($"verified: {result.Message}");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Ed25519PublicKey ParseVerifierKey(string text) =>
        Ed25519PublicKey.TryParse(text, out var key, out var error)
            ? key!
            : throw CliException.Input($"--signer \"{text}\" is not a verifier key: {error}.", "use the verifierKey that 'dataspace keys show KEYFILE' prints.");
}
