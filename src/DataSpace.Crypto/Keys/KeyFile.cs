using DataSpace.Core;
using DataSpace.Crypto.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Identity;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Keys;

/// <summary>
/// The participant key file (docs/formats.md, "Participant key file"): a JSON object holding the
/// Ed25519 seed and the age identity next to their public forms. With a passphrase, the whole JSON
/// is age-encrypted to an scrypt recipient and ASCII-armored, so the standard <c>age -d</c> opens it.
/// </summary>
public static class KeyFile
{
    /// <summary>The value of the <c>format</c> member.</summary>
    public const string Format = "dataspace-participant-key/v1";

    /// <summary>Serialises <paramref name="keys"/>; encrypted when <paramref name="passphrase"/> is given.</summary>
    public static byte[] Serialize(ParticipantKeys keys, string? passphrase = null)
    {
        var document = new JsonObject
        {
            ["format"] = Format,
            ["participantId"] = keys.ParticipantId,
            ["createdAt"] = Timestamps.Format(keys.CreatedAt),
            ["ed25519Seed"] = Convert.ToBase64String(keys.Signer.ExportSeed()),
            ["ageIdentity"] = keys.AgeIdentity.ToSecretString(),
            ["verifierKey"] = keys.Signer.PublicKey.VerifierKey,
            ["ageRecipient"] = keys.AgeIdentity.Recipient.ToString(),
        };
        var json = JsonFormatting.ToUtf8Document(document);
        return passphrase is null ? json : KeyFileProtection.Protect(json, passphrase);
    }

    /// <summary>
    /// Parses a key file. <paramref name="passphrase"/> is asked for only when the file is protected.
    /// </summary>
    /// <exception cref="KeyFileException">The file is malformed, inconsistent or cannot be opened.</exception>
    public static ParticipantKeys Parse(ReadOnlySpan<byte> content, Func<string?>? passphrase = null)
    {
        var json = content.ToArray();
        if (KeyFileProtection.IsProtected(json))
        {
            var secret = passphrase?.Invoke()
                ?? throw new KeyFileException(KeyFileError.PassphraseRequired, "The key file is passphrase-protected; give its passphrase.");
            json = KeyFileProtection.Unprotect(json, secret);
        }
        return ParseJson(json);
    }

    private static ParticipantKeys ParseJson(byte[] json)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject ?? throw Malformed("it is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new KeyFileException(KeyFileError.Malformed, $"The key file is not valid JSON: {e.Message}", e);
        }

        if (Text(document, "format") != Format)
        {
            throw Malformed($"the format is not \"{Format}\"");
        }
        var participantId = Text(document, "participantId");
        if (!ParticipantId.TryParse(participantId, out _, out var idError))
        {
            throw Malformed(idError);
        }
        if (!Timestamps.TryParse(Text(document, "createdAt"), out var createdAt))
        {
            throw Malformed("createdAt is not a timestamp");
        }
        if (!StrictBase64.TryDecode(Text(document, "ed25519Seed"), out var seed) || seed.Length != Ed25519Signer.SeedSize)
        {
            throw Malformed("ed25519Seed is not base64 of 32 bytes");
        }

        var signer = Ed25519Signer.FromSeed(participantId, seed);
        X25519Identity identity;
        try
        {
            identity = X25519Identity.Parse(Text(document, "ageIdentity"));
        }
        catch (Exception e) when (e is FormatException or AgeException or ArgumentException)
        {
            signer.Dispose();
            throw new KeyFileException(KeyFileError.Malformed, $"The key file is malformed: ageIdentity is not an AGE-SECRET-KEY-1 identity ({e.Message}).", e);
        }

        var keys = new ParticipantKeys(participantId, signer, identity, createdAt);
        if (Text(document, "verifierKey") != keys.PublicIdentity.VerifierKey || Text(document, "ageRecipient") != keys.PublicIdentity.AgeRecipient)
        {
            keys.Dispose();
            throw new KeyFileException(KeyFileError.Inconsistent, "The key file's public keys do not match its private keys: the file was altered.");
        }
        return keys;
    }

    private static string Text(JsonObject document, string name) =>
        document[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Malformed($"\"{name}\" is missing or not a string");

    private static KeyFileException Malformed(string why) => new(KeyFileError.Malformed, $"The key file is malformed: {why}.");
}
