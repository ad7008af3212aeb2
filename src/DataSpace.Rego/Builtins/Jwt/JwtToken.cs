using System.Text;
using System.Text.Json;

namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>
/// A JWS in compact serialisation (RFC 7515 §7.1): the three base64url sections as given, and
/// their decodings. Failures are <see cref="BuiltinException"/>s with OPA's messages.
/// </summary>
internal sealed class JwtToken
{
    private JwtToken(string fn, string header, string payload, string signature)
    {
        Function = fn;
        EncodedHeader = header;
        EncodedPayload = payload;
        EncodedSignature = signature;
    }

    public string Function { get; }

    public string EncodedHeader { get; }

    public string EncodedPayload { get; }

    public string EncodedSignature { get; }

    /// <summary>The bytes a signature covers: <c>header "." payload</c> as encoded.</summary>
    public byte[] SigningInput => Encoding.ASCII.GetBytes(EncodedHeader + "." + EncodedPayload);

    public static JwtToken Split(string fn, string token)
    {
        if (!token.Contains('.', StringComparison.Ordinal))
        {
            throw Args.Error(fn, "encoded JWT had no period separators");
        }
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw Args.Error(fn, $"encoded JWT must have 3 sections, found {parts.Length}");
        }
        return new JwtToken(fn, parts[0], parts[1], parts[2]);
    }

    /// <summary>The header object; a JWE (RFC 7516 §9: it has <c>enc</c>) is rejected.</summary>
    public RegoObject DecodeHeader()
    {
        var text = Base64Url(EncodedHeader, "JWT header had invalid encoding: ");
        var header = JsonObject(text, "bad JWT header: ");
        if (header["enc"] is not null)
        {
            throw Args.Error(Function, "JWT is a JWE object, which is not supported");
        }
        return header;
    }

    public string DecodePayloadText() => Base64Url(EncodedPayload, "JWT payload had invalid encoding: ");

    public byte[] DecodeSignature() => Bytes(EncodedSignature, "JWT signature had invalid encoding: ");

    /// <summary>A JSON object; duplicate members keep the last value, as Go's decoder does.</summary>
    public RegoObject JsonObject(string text, string prefix = "")
    {
        RegoValue value;
        try
        {
            value = RegoJson.Parse(text);
        }
        catch (JsonException e)
        {
            throw Args.Error(Function, prefix + "invalid JSON: " + e.Message);
        }
        return value as RegoObject ?? throw Args.Error(Function, prefix + "decoded JSON type was not an Object");
    }

    private string Base64Url(string s, string prefix) => Encoding.UTF8.GetString(Bytes(s, prefix));

    private byte[] Bytes(string s, string prefix) =>
        EncodingBuiltins.TryBase64(s, url: true, padded: false, out var bytes)
            ? bytes
            : throw Args.Error(Function, prefix + "illegal base64 data at input byte " + EncodingBuiltins.FirstBad(s, url: true));
}
