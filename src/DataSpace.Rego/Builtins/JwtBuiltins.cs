using System.Security.Cryptography;
using System.Text;
using DataSpace.Rego.Builtins.Jwt;
using DataSpace.Rego.Builtins.Keys;

namespace DataSpace.Rego.Builtins;

/// <summary>
/// <c>io.jwt.*</c>: decoding (RFC 7519 §7.2), signature checks per algorithm, full
/// <c>decode_verify</c> with constraints, and signing (<c>encode_sign</c>, <c>encode_sign_raw</c>).
/// </summary>
internal static class JwtBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("io.jwt.decode", 1, a => Decode("io.jwt.decode", Args.String(a, 0, "io.jwt.decode")));
        foreach (var bits in new[] { "256", "384", "512" })
        {
            var hs = "io.jwt.verify_hs" + bits;
            r.Add(hs, 2, a => VerifyHmac(hs, "HS" + bits, a));
            foreach (var family in new[] { "RS", "PS", "ES" })
            {
                var fn = "io.jwt.verify_" + family.ToLowerInvariant() + bits;
                var alg = family + bits;
                r.Add(fn, 2, a => VerifyAsymmetric(fn, alg, a));
            }
        }
        r.Add("io.jwt.verify_eddsa", 2, a => VerifyAsymmetric("io.jwt.verify_eddsa", "EdDSA", a));
        r.Add("io.jwt.decode_verify", 2, JwtDecodeVerify.Evaluate);
        r.Add("io.jwt.encode_sign", 3, JwtEncodeSign.EncodeSign);
        r.Add("io.jwt.encode_sign_raw", 3, JwtEncodeSign.EncodeSignRaw);
    }

    private static RegoValue Decode(string fn, string text)
    {
        var token = JwtToken.Split(fn, text);
        var header = token.DecodeHeader();
        var payloadText = token.DecodePayloadText();
        if (header["cty"] is RegoString { Value: "JWT" })
        {
            // A nested token: jwt.io quotes the inner JWT, so quotes are trimmed before recursing.
            return Decode(fn, payloadText.Trim('"', '\''));
        }
        var payload = token.JsonObject(payloadText);
        var signature = token.DecodeSignature();
        return new RegoArray([header, payload, new RegoString(Convert.ToHexStringLower(signature))]);
    }

    private static RegoValue VerifyHmac(string fn, string alg, RegoValue[] a)
    {
        var token = JwtToken.Split(fn, Args.String(a, 0, fn));
        var secret = new SymmetricKey(Encoding.UTF8.GetBytes(Args.String(a, 1, fn)));
        var outcome = JwsAlgorithms.Verify(alg, secret, token.SigningInput, token.DecodeSignature());
        return RegoBoolean.Of(outcome == VerifyOutcome.Verified);
    }

    /// <summary>
    /// A key whose id matches the header's <c>kid</c> is the only one tried; otherwise every key
    /// is, except JWKs that name another algorithm than the header.
    /// </summary>
    private static RegoValue VerifyAsymmetric(string fn, string alg, RegoValue[] a)
    {
        var token = JwtToken.Split(fn, Args.String(a, 0, fn));
        var keys = Keys(fn, Args.String(a, 1, fn));
        var signature = token.DecodeSignature();
        var header = JoseHeader.Parse(fn, token.DecodeHeader());
        var input = token.SigningInput;
        if (header.Kid.Length > 0 && keys.Find(k => k.Kid == header.Kid) is { } byId)
        {
            return RegoBoolean.Of(Check(alg, byId, input, signature) == VerifyOutcome.Verified);
        }
        var verified = keys.Any(k => (k.Alg.Length == 0 || k.Alg == header.Alg) && Check(alg, k, input, signature) == VerifyOutcome.Verified);
        return RegoBoolean.Of(verified);
    }

    public static List<VerificationKey> Keys(string fn, string text)
    {
        try
        {
            return KeySource.FromCertOrJwk(text);
        }
        catch (KeyFormatException e)
        {
            throw Args.Error(fn, e.Message);
        }
    }

    /// <summary>A malformed signature is a failed verification, never an error.</summary>
    public static VerifyOutcome Check(string alg, VerificationKey key, byte[] input, byte[] signature)
    {
        try
        {
            return JwsAlgorithms.Verify(alg, key.Key, input, signature);
        }
        catch (CryptographicException)
        {
            return VerifyOutcome.NotVerified;
        }
    }
}
