using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Cli.Keys;
using DataSpace.Crypto;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Sealing;

namespace DataSpace.Cli.Sealing;

/// <summary>
/// <c>dataspace seal --to age1… [--sign key.json] [--armor] -i IN -o OUT</c>: age-encrypts a file;
/// with <c>--sign</c>, also writes <c>OUT.sig.json</c>, the signed seal manifest.
/// </summary>
internal static class SealCommand
{
    public static Command Create(CliConsole console)
    {
        var to = new Option<string[]>("--to", "-r") { Description = "An age recipient: age1… (X25519) or age1pq1… (ML-KEM-768 + X25519 hybrid). Repeat for several.", Required = true };
        var sign = new Option<string?>("--sign") { Description = "A participant key file: sign a manifest of the sealed file (written to OUT.sig.json)." };
        var passphrase = KeyOptions.PassphraseFile();
        var armor = new Option<bool>("--armor", "-a") { Description = "Write ASCII-armored (PEM) output." };
        var input = new Option<string>("--input", "-i") { Description = "The file to encrypt.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the age file.", Required = true };
        var command = new Command("seal", "Encrypt a file with age (X25519 or post-quantum hybrid recipients), optionally with a signed manifest.")
        {
            to, sign, passphrase, armor, input, output,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var recipients = parsed.GetRequiredValue(to).Select(ParseRecipient).ToList();
            var outputPath = parsed.GetRequiredValue(output);
            using var keys = parsed.GetValue(sign) is { } keyPath ? KeyOptions.Load(keyPath, parsed.GetValue(passphrase)) : null;
            await using var source = CliFiles.OpenRead(parsed.GetRequiredValue(input));
            await using var sealedFile = AtomicFile.Create(outputPath);
            var options = new SealOptions { Armor = parsed.GetValue(armor) };

            var manifest = await ByteProgress.RunAsync(console, "sealing", source.Length, async progress =>
            {
                try
                {
                    if (keys is null)
                    {
                        await using var counted = new DigestingStream(source, leaveOpen: true, computeDigest: false) { Progress = progress };
                        await AgeEncryptor.EncryptAsync(counted, sealedFile.Stream, recipients, options.Armor, cancellationToken);
                        return null;
                    }
                    return await Sealer.SealAsync(source, sealedFile.Stream, recipients, keys.Signer, options with { Progress = progress }, cancellationToken);
                }
                catch (ArgumentException e)
                {
                    // The recipients cannot share one file (e.g. post-quantum and classic mixed).
                    throw CliException.Input($"cannot seal to these recipients: {e.Message}", inner: e);
                }
            });

            await sealedFile.CommitAsync(cancellationToken);
            if (manifest is not null)
            {
                var manifestPath = outputPath + ".sig.json";
                await AtomicFile.WriteAllBytesAsync(manifestPath, JsonFormatting.ToUtf8Document(manifest), cancellationToken);
                await console.Error.WriteLineAsync($"sealed {outputPath}, manifest signed by {keys!.Signer.PublicKey.KeyId} in {manifestPath}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static IRecipient ParseRecipient(string text)
    {
        try
        {
            return AgeRecipients.Parse(text);
        }
        catch (Exception e) when (e is FormatException or AgeException or ArgumentException)
        {
            throw CliException.Input($"--to \"{text}\" is not an age recipient: {e.Message}", "recipients look like age1… (X25519) or age1pq1… (post-quantum hybrid); 'dataspace keys show KEYFILE' prints yours.", e);
        }
    }
}
