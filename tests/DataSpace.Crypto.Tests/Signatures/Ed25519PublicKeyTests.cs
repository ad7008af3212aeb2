using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Tests.Signatures;

public sealed class Ed25519PublicKeyTests
{
    // From the C2SP signed-note specification's example verifier key.
    private const string SpecExample = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    [Fact]
    public void Parse_SpecExample_RoundTrips()
    {
        var key = Ed25519PublicKey.Parse(SpecExample);
        Assert.Equal("PeterNeumann", key.Name);
        Assert.Equal(0xc74f20a3u, key.KeyHash);
        Assert.Equal(SpecExample, key.VerifierKey);
        Assert.Equal("PeterNeumann+c74f20a3", key.KeyId);
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "hash does not match")]
    [InlineData("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "lowercase hex")]
    [InlineData("PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "base64")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX", "hash does not match")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "space")]
    [InlineData("PeterNeumann+c74f20a3", "form")]
    public void TryParse_Malformed_FailsWithReason(string text, string reason)
    {
        Assert.False(Ed25519PublicKey.TryParse(text, out var key, out var error));
        Assert.Null(key);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Generate_ThenParseVerifierKey_GivesEqualKey()
    {
        using var signer = Ed25519Signer.Generate("88.608.8889");
        var parsed = Ed25519PublicKey.Parse(signer.PublicKey.VerifierKey);
        Assert.Equal(signer.PublicKey, parsed);
        Assert.True(parsed.Verify("x"u8, signer.Sign("x"u8)));
    }
}
