using System.Text;
using System.Text.Json;
using DataSpace.Crypto.Jose;
using DataSpace.Crypto.Signatures;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Jose;

/// <summary>EdDSA JWS against RFC 8037 Appendix A.4/A.5 (read in place from the shared conformance folder).</summary>
public sealed class EdDsaJwsVectorTests
{
    private static JsonElement Vector()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("jose", "rfc8037-appendixA-eddsa.json")));
        return doc.RootElement.Clone();
    }

    private static string Field(string name) => Vector().GetProperty(name).GetString()!;

    [Fact]
    public void Sign_Rfc8037A4_ReproducesTheCompactJwsExactly()
    {
        using var signer = Ed25519Signer.FromSeed("rfc8037", Convert.FromHexString(Field("A1_privateKeyHex")));

        var jws = EdDsaJws.Sign(signer, Encoding.UTF8.GetBytes(Field("A4_payloadUtf8")));

        Assert.Equal(Field("A4_compactJws"), jws);
    }

    [Fact]
    public void Verify_Rfc8037A5_IsValid()
    {
        var key = Ed25519PublicKey.FromRaw("rfc8037", Convert.FromHexString(Field("A2_publicKeyHex")));

        Assert.True(CompactJws.TryParse(Field("A4_compactJws"), out var jws, out var error), error);

        Assert.True(jws.Verify(key));
        Assert.Equal("Example of Ed25519 signing", Encoding.UTF8.GetString(jws.Payload));
        Assert.Equal("EdDSA", jws.Header.GetProperty("alg").GetString());
        Assert.Null(jws.KeyId);
        Assert.False(jws.TryGetPayloadObject(out _));
    }

    [Fact]
    public void PublicJwk_Rfc8037A2_DecodesToTheRawKey()
    {
        var x = Vector().GetProperty("A2_publicJwk").GetProperty("x").GetString()!;

        Assert.True(StrictBase64Url.TryDecode(x, out var raw));

        Assert.Equal(Convert.FromHexString(Field("A2_publicKeyHex")), raw);
        Assert.Equal(x, StrictBase64Url.Encode(raw));
    }

    [Fact]
    public void Verify_Rfc8037A4WithOneSignatureBitFlipped_IsInvalid()
    {
        var key = Ed25519PublicKey.FromRaw("rfc8037", Convert.FromHexString(Field("A2_publicKeyHex")));
        var signature = Convert.FromHexString(Field("A4_signatureHex"));
        signature[0] ^= 1;
        var tampered = $"{Field("A4_signingInput")}.{StrictBase64Url.Encode(signature)}";

        Assert.True(CompactJws.TryParse(tampered, out var jws, out _));

        Assert.False(jws.Verify(key));
    }
}
