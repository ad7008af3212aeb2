using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Cli.Keys;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Cli.Signing;

/// <summary><c>dataspace sign --key key.json -i doc.json [-o signed.json]</c>: adds the key's signature to a JSON object.</summary>
internal static class SignCommand
{
    public static Command Create(CliConsole console)
    {
        var key = KeyOptions.KeyFile("--key", "The participant key file that signs.");
        var passphrase = KeyOptions.PassphraseFile();
        var input = new Option<string>("--input", "-i") { Description = "The JSON object to sign (existing signatures are kept).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the signed object (default: standard output)." };
        var command = new Command("sign", "Sign a JSON object: RFC 8785 canonical form, Ed25519, added to its \"signatures\" array.")
        {
            key, passphrase, input, output,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var keys = KeyOptions.Load(parsed.GetRequiredValue(key), parsed.GetValue(passphrase));
            var document = CliFiles.ReadJsonObject(parsed.GetRequiredValue(input));
            JsonElementGuard.EnsureCanonicalisable(document, parsed.GetRequiredValue(input));

            var signed = SignedJson.Sign(document, keys.Signer);
            var text = JsonFormatting.ToUtf8Document(signed);
            if (parsed.GetValue(output) is { } path)
            {
                await AtomicFile.WriteAllBytesAsync(path, text, cancellationToken);
                await console.Error.WriteLineAsync($"signed by {keys.Signer.PublicKey.KeyId} → {path}");
            }
            else
            {
                await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(text));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
