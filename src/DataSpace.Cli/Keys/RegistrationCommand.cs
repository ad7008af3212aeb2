using System.CommandLine;
using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;
using DataSpace.Core.Participants;
using DataSpace.Crypto.Json;
using DataSpace.Ledger.Entries;

namespace DataSpace.Cli.Keys;

/// <summary>
/// <c>dataspace keys registration KEYFILE --attributes attributes.json</c>: prints the participant's
/// self-signed <c>participant.registered</c> entry, which the broker operator submits
/// (<c>POST /participants</c>) to onboard it. Signing proves the participant holds the key.
/// </summary>
internal static class RegistrationCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("key-file") { Description = "The participant key file." };
        var attributes = new Option<string>("--attributes") { Description = "A JSON file with the attributes: name, country, sector, securityProfile (1-4), and optionally kind, securityAgreement, certifications, clearance, endpoint, enforces.", Required = true };
        var passphrase = KeyOptions.PassphraseFile();
        var command = new Command("registration", "Print the self-signed registration entry the broker operator submits to onboard this participant.") { file, attributes, passphrase };
        command.SetAction(async parsed =>
        {
            using var keys = KeyOptions.Load(parsed.GetRequiredValue(file), parsed.GetValue(passphrase));
            var path = parsed.GetRequiredValue(attributes);
            var values = CliFiles.ReadJsonObject(path);
            if (AttributeRules.Validate(values) is { } problem)
            {
                throw CliException.Input($"{path}: {problem.Message}");
            }
            var registration = new ParticipantRegistration(keys.ParticipantId, keys.Signer.PublicKey, keys.AgeIdentity.Recipient.ToString()!, values);
            var entry = LedgerEntry.Create(ParticipantRegistration.EntryType, registration.ToBody(), [keys.Signer]);
            await console.Out.WriteLineAsync(entry.ToJson().ToJsonString(JsonFormatting.Indented));
            return ExitCodes.Success;
        });
        return command;
    }
}
