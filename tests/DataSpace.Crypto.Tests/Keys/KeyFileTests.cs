using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Keys;

namespace DataSpace.Crypto.Tests.Keys;

public sealed class KeyFileTests
{
    [Fact]
    public void SerializeThenParse_Plain_GivesTheSameKeys()
    {
        using var keys = ParticipantKeys.Generate("88.608.8889");
        using var loaded = KeyFile.Parse(KeyFile.Serialize(keys));

        Assert.Equal(keys.PublicIdentity, loaded.PublicIdentity);
        Assert.Equal(keys.CreatedAt, loaded.CreatedAt);
        Assert.Equal(keys.Signer.Sign("m"u8), loaded.Signer.Sign("m"u8));
    }

    [Fact]
    public void SerializeThenParse_WithPassphrase_IsAnArmoredScryptAgeFile()
    {
        using var keys = ParticipantKeys.Generate("88.608.8889");
        var protectedFile = KeyFile.Serialize(keys, "correct horse");

        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", Encoding.ASCII.GetString(protectedFile), StringComparison.Ordinal);
        var json = JsonNode.Parse(AgePassphrase.Decrypt(protectedFile, "correct horse"))!;
        Assert.Equal(KeyFile.Format, (string)json["format"]!);
        using var loaded = KeyFile.Parse(protectedFile, () => "correct horse");
        Assert.Equal(keys.PublicIdentity, loaded.PublicIdentity);
    }

    [Fact]
    public void Parse_ProtectedWithoutOrWithWrongPassphrase_FailsWithKind()
    {
        using var keys = ParticipantKeys.Generate("88.608.8889");
        var protectedFile = KeyFile.Serialize(keys, "correct horse");

        Assert.Equal(KeyFileError.PassphraseRequired, Assert.Throws<KeyFileException>(() => KeyFile.Parse(protectedFile)).Error);
        Assert.Equal(KeyFileError.WrongPassphrase, Assert.Throws<KeyFileException>(() => KeyFile.Parse(protectedFile, () => "wrong")).Error);
    }

    [Theory]
    [InlineData("format", "other/v1", KeyFileError.Malformed)]
    [InlineData("participantId", "not an id", KeyFileError.Malformed)]
    [InlineData("ed25519Seed", "AAAA", KeyFileError.Malformed)]
    [InlineData("ageIdentity", "AGE-SECRET-KEY-1XYZ", KeyFileError.Malformed)]
    [InlineData("createdAt", "yesterday", KeyFileError.Malformed)]
    [InlineData("ageRecipient", "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", KeyFileError.Inconsistent)]
    public void Parse_AlteredField_IsRefused(string field, string value, KeyFileError expected)
    {
        using var keys = ParticipantKeys.Generate("88.608.8889");
        var json = JsonNode.Parse(KeyFile.Serialize(keys))!;
        json[field] = value;

        var error = Assert.Throws<KeyFileException>(() => KeyFile.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())));

        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public void Parse_SeedOfAnotherKey_IsInconsistent()
    {
        using var keys = ParticipantKeys.Generate("88.608.8889");
        using var other = ParticipantKeys.Generate("88.608.8889");
        var json = JsonNode.Parse(KeyFile.Serialize(keys))!;
        json["ed25519Seed"] = Convert.ToBase64String(other.Signer.ExportSeed());

        Assert.Equal(KeyFileError.Inconsistent, Assert.Throws<KeyFileException>(() => KeyFile.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()))).Error);
    }
}
