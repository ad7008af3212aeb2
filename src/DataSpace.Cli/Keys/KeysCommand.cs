using System.CommandLine;
using System.Text.Json;
using DataSpace.Cli.Hosting;
using DataSpace.Core.Identity;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Keys;

namespace DataSpace.Cli.Keys;

/// <summary>
/// <c>dataspace keys new|show|age-identity</c>: create a participant key file, print its public
/// identity, or print its age identity for the standard <c>age</c> tool.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliConsole console) => new("keys", "Create and inspect participant key files (Ed25519 signing key + X25519 age identity).")
    {
        New(console),
        Show(console),
        AgeIdentity(console),
        RegistrationCommand.Create(console),
    };

    private static Command New(CliConsole console)
    {
        var id = new Option<string>("--id") { Description = "The participant id (identifier prefix), e.g. 88.608.8889.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the key file (must not exist).", Required = true };
        var passphrase = KeyOptions.PassphraseFile();
        var command = new Command("new", "Generate a participant key file and print its public identity.") { id, output, passphrase };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var participantId = parsed.GetRequiredValue(id);
            if (!ParticipantId.TryParse(participantId, out _, out var error))
            {
                throw CliException.Input($"--id: {error}.");
            }
            var path = parsed.GetRequiredValue(output);
            if (File.Exists(path))
            {
                throw CliException.Output($"{path} already exists; a key file is never overwritten.", "choose another --out path, or delete the old file yourself.");
            }
            var secret = parsed.GetValue(passphrase) is { } file ? CliFiles.ReadPassphrase(file) : null;

            using var keys = ParticipantKeys.Generate(participantId);
            await AtomicFile.WriteAllBytesAsync(path, KeyFile.Serialize(keys, secret), cancellationToken, ownerOnly: true, durable: true);
            await PrintIdentity(console, keys.PublicIdentity);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var file = new Argument<string>("key-file") { Description = "The participant key file." };
        var passphrase = KeyOptions.PassphraseFile();
        var command = new Command("show", "Print the public identity of a key file: participant id, verifier key, age recipient.") { file, passphrase };
        command.SetAction(async parsed =>
        {
            using var keys = KeyOptions.Load(parsed.GetRequiredValue(file), parsed.GetValue(passphrase));
            await PrintIdentity(console, keys.PublicIdentity);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command AgeIdentity(CliConsole console)
    {
        var file = new Argument<string>("key-file") { Description = "The participant key file." };
        var passphrase = KeyOptions.PassphraseFile();
        var command = new Command("age-identity", "Print the AGE-SECRET-KEY-1… line, so the standard age tool can decrypt with the same key.") { file, passphrase };
        command.SetAction(async parsed =>
        {
            using var keys = KeyOptions.Load(parsed.GetRequiredValue(file), parsed.GetValue(passphrase));
            await console.Out.WriteLineAsync($"# participant: {keys.ParticipantId}");
            await console.Out.WriteLineAsync($"# public key: {keys.AgeIdentity.Recipient}");
            await console.Out.WriteLineAsync(keys.AgeIdentity.ToSecretString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Task PrintIdentity(CliConsole console, PublicIdentity identity) =>
        console.Out.WriteLineAsync(JsonSerializer.Serialize(identity, JsonFormatting.Indented));
}
