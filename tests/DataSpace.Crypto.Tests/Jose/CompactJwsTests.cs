using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Jose;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Tests.Jose;

public sealed class CompactJwsTests
{
    private static readonly Ed25519Signer Signer = Ed25519Signer.Generate("88.608.8889");

    private static string B64(string json) => StrictBase64Url.Encode(Encoding.UTF8.GetBytes(json));

    private static string SignRaw(string headerJson, string payloadJson)
    {
        var input = $"{B64(headerJson)}.{B64(payloadJson)}";
        return $"{input}.{StrictBase64Url.Encode(Signer.Sign(Encoding.ASCII.GetBytes(input)))}";
    }

    [Fact]
    public void CreateJwt_ThenParse_VerifiesAndReadsHeaderAndClaims()
    {
        var jwt = EdDsaJws.CreateJwt(Signer, new JsonObject { ["iss"] = "88.608.8889", ["n"] = 3, ["名"] = "数据" });

        Assert.True(CompactJws.TryParse(jwt, out var jws, out var error), error);

        Assert.True(jws.Verify(Signer.PublicKey));
        Assert.Equal("""{"alg":"EdDSA","typ":"JWT","kid":"%KID%"}""".Replace("%KID%", Signer.PublicKey.KeyId, StringComparison.Ordinal), jws.Header.GetRawText());
        Assert.Equal(Signer.PublicKey.KeyId, jws.KeyId);
        Assert.True(jws.TryGetPayloadObject(out var claims));
        Assert.Equal("88.608.8889", claims.GetProperty("iss").GetString());
        Assert.Equal(3, claims.GetProperty("n").GetInt32());
        Assert.Equal("数据", claims.GetProperty("名").GetString());
    }

    [Fact]
    public void Verify_OtherKey_IsFalse()
    {
        using var other = Ed25519Signer.Generate("88.608.8889");
        Assert.True(CompactJws.TryParse(EdDsaJws.CreateJwt(Signer, []), out var jws, out _));

        Assert.False(jws.Verify(other.PublicKey));
    }

    [Fact]
    public void Sign_ExtraHeaderAlg_IsIgnored()
    {
        var text = EdDsaJws.Sign(Signer, "x"u8, new JsonObject { ["alg"] = "none", ["kid"] = "k" });

        Assert.True(CompactJws.TryParse(text, out var jws, out _));
        Assert.Equal("EdDSA", jws.Header.GetProperty("alg").GetString());
        Assert.Equal("k", jws.KeyId);
    }

    [Theory]
    [InlineData("""{"alg":"ES256"}""", "alg")]
    [InlineData("""{"alg":"none"}""", "alg")]
    [InlineData("""{"alg":"Ed25519"}""", "alg")]
    [InlineData("""{"typ":"JWT"}""", "alg")]
    [InlineData("""{"alg":["EdDSA"]}""", "alg")]
    [InlineData("""{"alg":"EdDSA","alg":"EdDSA"}""", "duplicate")]
    [InlineData("""{"alg":"EdDSA","crit":["exp"]}""", "crit")]
    [InlineData("""{"alg":"EdDSA","kid":1}""", "kid")]
    [InlineData("""["alg","EdDSA"]""", "JSON object")]
    [InlineData("""{"alg":"EdDSA"} x""", "JSON object")]
    public void TryParse_BadHeader_FailsWithReason(string header, string reason)
    {
        Assert.False(CompactJws.TryParse(SignRaw(header, "{}"), out var jws, out var error));
        Assert.Null(jws);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParse_BadSegments_FailWithReason()
    {
        var good = EdDsaJws.CreateJwt(Signer, new JsonObject { ["a"] = 1 });
        var parts = good.Split('.');
        var cases = new Dictionary<string, string>
        {
            [$"{parts[0]}.{parts[1]}"] = "three",
            [$"{good}.x"] = "three",
            [$"{parts[0]}={parts[1]}.{parts[2]}"] = "three",
            [$"{parts[0]}=.{parts[1]}.{parts[2]}"] = "header",
            [$"{parts[0].Replace('J', '+')}.{parts[1]}.{parts[2]}"] = "header",
            [$".{parts[1]}.{parts[2]}"] = "header",
            [$"{parts[0]}. {parts[1]}.{parts[2]}"] = "payload",
            [$"{parts[0]}.{parts[1]}.{parts[2]}=="] = "signature",
            [$"{parts[0]}.{parts[1]}.{parts[2][..^4]}"] = "signature",
            [$"{parts[0]}.{parts[1]}."] = "signature",
            [new string('a', CompactJws.MaxLength + 1)] = "longer",
        };
        foreach (var (text, reason) in cases)
        {
            Assert.False(CompactJws.TryParse(text, out _, out var error), text);
            Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void TryParse_NonCanonicalLastCharacter_IsRefused()
    {
        // 64 bytes end on 1 leftover byte: the last character keeps 4 unused bits, which must be zero.
        var good = EdDsaJws.CreateJwt(Signer, []);
        var sig = good[(good.LastIndexOf('.') + 1)..];
        var last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".IndexOf(sig[^1], StringComparison.Ordinal);
        var bent = sig[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last | 1];

        Assert.False(CompactJws.TryParse(good[..(good.LastIndexOf('.') + 1)] + bent, out _, out var error));
        Assert.Contains("signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetPayloadObject_NonObjectOrDuplicate_IsFalse()
    {
        Assert.True(CompactJws.TryParse(SignRaw("""{"alg":"EdDSA"}""", """[1]"""), out var array, out _));
        Assert.True(CompactJws.TryParse(SignRaw("""{"alg":"EdDSA"}""", """{"a":1,"a":2}"""), out var duplicate, out _));

        Assert.False(array.TryGetPayloadObject(out _));
        Assert.False(duplicate.TryGetPayloadObject(out _));
    }
}
