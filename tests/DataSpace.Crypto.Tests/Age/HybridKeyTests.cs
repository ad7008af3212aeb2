using DataSpace.Crypto.Age;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// <c>AGE-SECRET-KEY-PQ-1…</c> identities and <c>age1pq1…</c> recipients: the spec's example
/// pair (its recipient is PrivateKeyToPublicKey of its identity), strict parsing and encoding.
/// </summary>
public sealed class HybridKeyTests
{
    [Fact]
    public void Parse_SpecExampleIdentity_DerivesSpecExampleRecipient()
    {
        var (identityText, recipientText) = SpecExample();

        using var identity = HybridIdentity.Parse(identityText);

        Assert.Equal(recipientText, identity.Recipient.ToString());
        Assert.Equal(1959, recipientText.Length);
        Assert.Equal(identityText, identity.ToSecretString());
        Assert.Equal(recipientText, HybridRecipient.Parse(recipientText).ToString());
    }

    [Fact]
    public void Generate_KeysParseBackToTheSameKeys()
    {
        using var identity = HybridIdentity.Generate();

        using var parsed = HybridIdentity.Parse(identity.ToSecretString());

        Assert.StartsWith("AGE-SECRET-KEY-PQ-1", identity.ToSecretString(), StringComparison.Ordinal);
        Assert.StartsWith("age1pq1", identity.Recipient.ToString(), StringComparison.Ordinal);
        Assert.Equal(identity.Recipient.ToString(), parsed.Recipient.ToString());
        Assert.DoesNotContain(identity.ToSecretString(), identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherKeyTypesAndCases_AreRejected()
    {
        using var classic = X25519Identity.Generate();
        using var hybrid = HybridIdentity.Generate();

        Assert.Throws<FormatException>(() => HybridIdentity.Parse(classic.ToSecretString()));
        Assert.Throws<FormatException>(() => HybridIdentity.Parse(hybrid.ToSecretString().ToLowerInvariant()));
        Assert.Throws<FormatException>(() => HybridIdentity.Parse(Bech32.Encode("AGE-SECRET-KEY-PQ-", new byte[31])));
        Assert.Throws<FormatException>(() => HybridRecipient.Parse(classic.Recipient.ToString()));
        Assert.Throws<FormatException>(() => HybridRecipient.Parse(hybrid.Recipient.ToString().ToUpperInvariant()));
        Assert.Throws<FormatException>(() => HybridRecipient.Parse(Bech32.Encode("age1pq", new byte[1215])));
        Assert.Throws<FormatException>(() => X25519Identity.Parse(hybrid.ToSecretString()));
        Assert.Throws<FormatException>(() => X25519Recipient.Parse(hybrid.Recipient.ToString()));
    }

    [Fact]
    public void ParseRecipient_UnreducedMlKemCoefficient_IsRejected()
    {
        using var identity = HybridIdentity.Generate();
        var key = identity.Recipient.PublicKeyBytes.ToArray();
        key[0] = 0xFF;
        key[1] |= 0x0F; // the first twelve-bit coefficient becomes 4095 ≥ q (FIPS 203 section 7.2)

        Assert.Throws<FormatException>(() => HybridRecipient.Parse(Bech32.Encode("age1pq", key)));
    }

    /// <summary>The example identity and recipient of the spec's hybrid section, indented lines in age-spec.md.</summary>
    private static (string Identity, string Recipient) SpecExample()
    {
        var lines = File.ReadAllLines(RepositoryPaths.ConformanceFile("age", "age-spec.md")).Select(line => line.Trim()).ToList();
        return (lines.Single(line => line.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.Ordinal)),
            lines.Single(line => line.StartsWith("age1pq1", StringComparison.Ordinal)));
    }
}
