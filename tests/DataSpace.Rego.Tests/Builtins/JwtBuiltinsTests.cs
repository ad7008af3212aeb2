using System.Security.Cryptography;
using DataSpace.Rego.Builtins.Jwt;
using DataSpace.Rego.Builtins.Keys;

namespace DataSpace.Rego.Tests.Builtins;

public sealed class JwtBuiltinsTests
{
    private static RegoValue Eval(string body, RegoValue? input = null)
    {
        var engine = RegoEngine.Compile(new Dictionary<string, string> { ["p.rego"] = "package t\n" + body }, (RegoValue?)null, RegoVersion.V1);
        return engine.EvaluateRule("data.t.p", input) ?? throw new InvalidOperationException("undefined");
    }

    private static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void Ed25519_Rfc8032TestVector1()
    {
        // RFC 8032 §7.1, TEST 1: empty message.
        var seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var expected = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        Assert.Equal(expected, Ed25519.Sign(seed, []));
        Assert.True(Ed25519.Verify(publicKey, [], expected));
        expected[5] ^= 1;
        Assert.False(Ed25519.Verify(publicKey, [], expected));
    }

    [Fact]
    public void EncodeSign_Es256_VerifiesWithPublicJwkOnly()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(includePrivateParameters: true);
        var input = RegoValue.ParseJson($$"""
            {"private": {"kty": "EC", "crv": "P-256", "x": "{{B64(p.Q.X!)}}", "y": "{{B64(p.Q.Y!)}}", "d": "{{B64(p.D!)}}"},
             "public": "{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"{{B64(p.Q.X!)}}\", \"y\": \"{{B64(p.Q.Y!)}}\"}"}
            """);
        var result = Eval("""
            token := io.jwt.encode_sign({"alg": "ES256"}, {"sub": "ann"}, input.private)
            p := [io.jwt.verify_es256(token, input.public), io.jwt.verify_es256(concat("", [token, "A"]), input.public), io.jwt.decode(token)[1]]
            """, input);
        Assert.Equal(RegoValue.ParseJson("""[true, false, {"sub": "ann"}]"""), result);
    }

    [Fact]
    public void DecodeVerify_ChecksExpiryAgainstConstraintTime()
    {
        var result = Eval("""
            token := io.jwt.encode_sign({"alg": "HS256"}, {"exp": 100, "iss": "me"}, {"kty": "oct", "k": "c2VjcmV0"})
            p := [
                io.jwt.decode_verify(token, {"secret": "secret", "time": 99e9, "iss": "me"})[0],
                io.jwt.decode_verify(token, {"secret": "secret", "time": 100e9})[0],
                io.jwt.decode_verify(token, {"secret": "wrong", "time": 99e9})[0],
                io.jwt.decode_verify(token, {"secret": "secret", "time": 99e9, "iss": "you"})[0],
            ]
            """);
        Assert.Equal(RegoValue.ParseJson("[true, false, false, false]"), result);
    }

    [Fact]
    public void Pem_ReturnsTextAfterEndLine_AndSkipsHeaders()
    {
        var block = Pem.Decode("junk\n-----BEGIN THING-----\nProc-Type: 4\n\nAAEC\n-----END THING-----\nrest");
        Assert.NotNull(block);
        Assert.Equal("THING", block.Type);
        Assert.Equal(new byte[] { 0, 1, 2 }, block.Bytes);
        Assert.Equal("rest", block.Rest);
        Assert.Null(Pem.Decode("-----BEGIN THING-----\n%%%\n-----END THING-----\n"));
    }
}
