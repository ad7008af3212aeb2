using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataSpace.Rego.Builtins.Keys;

namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>
/// <c>io.jwt.encode_sign</c> (header, payload and JWK as objects, serialised as OPA's
/// <c>json.marshal</c> does) and <c>io.jwt.encode_sign_raw</c> (the three as JSON text, signed
/// byte for byte): a JWS in compact serialisation (RFC 7515 §5.1), signed with the JWK's first key.
/// </summary>
internal static class JwtEncodeSign
{
    private const string AlgPrefix = "missing or invalid 'alg' header: ";

    public static RegoValue? EncodeSign(RegoValue[] a, BuiltinContext context)
    {
        const string fn = "io.jwt.encode_sign";
        var header = RegoJson.Serialize(Args.Object(a, 0, fn));
        var payload = RegoJson.Serialize(Args.Object(a, 1, fn));
        var key = RegoJson.Serialize(Args.Object(a, 2, fn));
        return Sign(fn, header, payload, key);
    }

    public static RegoValue? EncodeSignRaw(RegoValue[] a, BuiltinContext context)
    {
        const string fn = "io.jwt.encode_sign_raw";
        var key = Args.String(a, 2, fn);
        return Sign(fn, Args.String(a, 0, fn), Args.String(a, 1, fn), key);
    }

    private static RegoString Sign(string fn, string header, string payload, string jwk)
    {
        VerificationKey key;
        try
        {
            key = Jwk.ParseSet(jwk) is [var first, ..] ? first : throw new KeyFormatException("empty JWK set");
        }
        catch (KeyFormatException e)
        {
            throw Args.Error(fn, e.Message);
        }
        var (alg, typ) = ReadHeader(fn, header);
        if (typ is "" or "JWT" && !IsJson(payload))
        {
            throw Args.Error(fn, "type is JWT but payload is not JSON");
        }
        var input = EncodingBuiltins.ToBase64Url(Encoding.UTF8.GetBytes(header), pad: false) + "."
            + EncodingBuiltins.ToBase64Url(Encoding.UTF8.GetBytes(payload), pad: false);
        try
        {
            var signature = JwsAlgorithms.Sign(alg, key.Key, Encoding.ASCII.GetBytes(input));
            return new RegoString(input + "." + EncodingBuiltins.ToBase64Url(signature, pad: false));
        }
        catch (Exception e) when (e is KeyFormatException or CryptographicException)
        {
            throw Args.Error(fn, e.Message);
        }
    }

    /// <summary>The <c>alg</c> and <c>typ</c> members, with the messages OPA's JWS library gives.</summary>
    private static (string Alg, string Typ) ReadHeader(string fn, string header)
    {
        if (header.Length == 0)
        {
            throw Args.Error(fn, AlgPrefix + "cannot parse JSON: cannot parse empty string");
        }
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(header);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Args.Error(fn, AlgPrefix + (header.TrimStart().StartsWith('{') ? "cannot parse JSON" : "jwsbb: header \"alg\" not found"));
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("alg", out var algElement) || algElement.ValueKind != JsonValueKind.String)
        {
            throw Args.Error(fn, AlgPrefix + "jwsbb: header \"alg\" not found");
        }
        var alg = algElement.GetString()!;
        if (!JwsAlgorithms.IsKnown(alg))
        {
            throw Args.Error(fn, "unknown JWS algorithm: " + alg);
        }
        var typ = root.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        return (alg, typ);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
