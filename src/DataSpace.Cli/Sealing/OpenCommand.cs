using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Cli.Keys;
using DataSpace.Cli.Signing;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Sealing;

namespace DataSpace.Cli.Sealing;

/// <summary>
/// <c>dataspace open --key key.json -i IN -o OUT [--verify OUT.sig.json --signer VKEY]</c>: decrypts
/// an age file. The plaintext goes to a temporary file renamed to OUT only after the last chunk
/// authenticated and, with <c>--verify</c>, the digests matched the signed manifest: a tampered,
/// truncated or wrong-key input leaves nothing at OUT.
/// </summary>
internal static class OpenCommand
{
    public static Command Create(CliConsole console)
    {
        var key = KeyOptions.KeyFile("--key", "The participant key file whose age identity decrypts.");
        var passphrase = KeyOptions.PassphraseFile();
        var input = new Option<string>("--input", "-i") { Description = "The age file (binary or armored).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the plaintext.", Required = true };
        var verify = new Option<string?>("--verify") { Description = "The signed seal manifest (IN.sig.json) to check the file against." };
        var signer = new Option<string?>("--signer") { Description = "The verifier key that must have signed the manifest (required with --verify)." };
        var command = new Command("open", "Decrypt an age file; with --verify, only if it matches its signed manifest.")
        {
            key, passphrase, input, output, verify, signer,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var manifest = LoadManifest(parsed.GetValue(verify), parsed.GetValue(signer));
            using var keys = KeyOptions.Load(parsed.GetRequiredValue(key), parsed.GetValue(passphrase));
            await using var source = CliFiles.OpenRead(parsed.GetRequiredValue(input));
            await using var plaintext = AtomicFile.Create(parsed.GetRequiredValue(output));
            try
            {
                await ByteProgress.RunAsync(console, "opening", source.Length, async progress =>
                {
                    await Sealer.OpenAsync(source, plaintext.Stream, [keys.AgeIdentity], manifest, progress, cancellationToken);
                    return true;
                });
            }
            catch (AgeException e)
            {
                throw new CliException(ExitCodes.DecryptionFailed, $"cannot decrypt {parsed.GetRequiredValue(input)}: {e.Message}", Hint(e.Kind), e);
            }
            catch (SealException e)
            {
                throw new CliException(ExitCodes.VerificationFailed, $"{parsed.GetRequiredValue(input)} does not match its manifest: {e.Message}", inner: e);
            }
            await plaintext.CommitAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static SealManifest? LoadManifest(string? manifestPath, string? signerText)
    {
        if (manifestPath is null)
        {
            return signerText is null ? null : throw CliException.Input("--signer needs --verify MANIFEST.");
        }
        if (signerText is null)
        {
            throw CliException.Input("--verify needs --signer VKEY: a manifest is only worth the key that signed it.");
        }
        var signerKey = VerifyCommand.ParseVerifierKey(signerText);
        try
        {
            return SealManifest.FromSignedJson(CliFiles.ReadJsonObject(manifestPath), signerKey);
        }
        catch (SealException e)
        {
            throw new CliException(ExitCodes.VerificationFailed, $"{manifestPath}: {e.Message}", inner: e);
        }
    }

    private static string? Hint(AgeErrorKind kind) => kind switch
    {
        AgeErrorKind.NoMatch => "the file is not encrypted to this key file's age identity.",
        AgeErrorKind.Armor => "the armored file is damaged (lines, padding or framing).",
        _ => "the file is damaged or was altered; nothing was written.",
    };
}
