using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Jose;

/// <summary>
/// Creates compact JWS and JWTs signed with <c>EdDSA</c> over Ed25519 (RFC 8037 §3.1, RFC 7515
/// §5.1). Microsoft.IdentityModel has no EdDSA, which is why this exists; verification is
/// <see cref="CompactJws"/>.
/// </summary>
public static class EdDsaJws
{
    // Compact UTF-8 with only the escapes JSON requires: the default encoder's HTML-safe escapes
    // (kid "a+b" as "a\u002Bb", every CJK character as \uXXXX) would only bloat the token.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Signs <paramref name="payload"/>. The protected header is <c>{"alg":"EdDSA"}</c> followed by
    /// the members of <paramref name="extraHeader"/> (an <c>alg</c> there is ignored).
    /// </summary>
    public static string Sign(Ed25519Signer signer, ReadOnlySpan<byte> payload, JsonObject? extraHeader = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var header = new JsonObject { ["alg"] = CompactJws.Algorithm };
        foreach (var (name, value) in extraHeader ?? [])
        {
            if (name != "alg")
            {
                header[name] = value?.DeepClone();
            }
        }
        var signingInput = $"{StrictBase64Url.Encode(Utf8(header))}.{StrictBase64Url.Encode(payload)}";
        var signature = signer.Sign(Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{StrictBase64Url.Encode(signature)}";
    }

    /// <summary>
    /// Creates a JWT (RFC 7519) with header <c>{"alg":"EdDSA","typ":"JWT","kid":…}</c>; the key id
    /// defaults to the signer's <c>name+hash</c> (<see cref="Ed25519PublicKey.KeyId"/>).
    /// </summary>
    public static string CreateJwt(Ed25519Signer signer, JsonObject claims, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(claims);
        var header = new JsonObject { ["typ"] = "JWT", ["kid"] = keyId ?? signer.PublicKey.KeyId };
        return Sign(signer, Utf8(claims), header);
    }

    private static byte[] Utf8(JsonObject value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            value.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
