using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Jose;

/// <summary>
/// A JWS in compact serialization (RFC 7515 §7.1) signed with <c>EdDSA</c> over Ed25519
/// (RFC 8037 §3.1), parsed strictly but not yet verified. Parsing follows RFC 7515 §5.2: three
/// canonical base64url segments, a protected header that is a JSON object without duplicate
/// members, <c>alg</c> exactly <c>EdDSA</c>, no <c>crit</c> (we understand no extensions), and a
/// 64-byte signature. Read the claims only after <see cref="Verify"/> returned true.
/// </summary>
public sealed class CompactJws
{
    /// <summary>The only algorithm accepted and emitted: RFC 8037's <c>EdDSA</c>, with Ed25519 keys.</summary>
    public const string Algorithm = "EdDSA";

    /// <summary>Longest accepted serialization; client assertions are a few hundred bytes.</summary>
    public const int MaxLength = 16 * 1024;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private readonly byte[] _signingInput;
    private readonly byte[] _signature;
    private readonly byte[] _payload;

    private CompactJws(byte[] signingInput, JsonElement header, string? keyId, byte[] payload, byte[] signature)
    {
        _signingInput = signingInput;
        Header = header;
        KeyId = keyId;
        _payload = payload;
        _signature = signature;
    }

    /// <summary>The protected header (a JSON object).</summary>
    public JsonElement Header { get; }

    /// <summary>The header's <c>kid</c>, if it has one.</summary>
    public string? KeyId { get; }

    /// <summary>The decoded payload bytes.</summary>
    public ReadOnlySpan<byte> Payload => _payload;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CompactJws? jws, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        jws = null;
        if (text.Length > MaxLength)
        {
            error = $"the JWS is longer than {MaxLength} characters";
            return false;
        }
        var parts = text.Split('.');
        if (parts.Length != 3)
        {
            error = "a compact JWS has exactly three base64url parts separated by dots";
            return false;
        }
        if (!StrictBase64Url.TryDecode(parts[0], out var headerBytes) || headerBytes.Length == 0)
        {
            error = "the header is not canonical base64url";
            return false;
        }
        if (!StrictBase64Url.TryDecode(parts[1], out var payload))
        {
            error = "the payload is not canonical base64url";
            return false;
        }
        if (!StrictBase64Url.TryDecode(parts[2], out var signature) || signature.Length != Ed25519Signer.SignatureSize)
        {
            error = $"the signature is not canonical base64url of {Ed25519Signer.SignatureSize} bytes";
            return false;
        }
        if (!TryParseObject(headerBytes, out var header))
        {
            error = "the header is not a JSON object without duplicate members";
            return false;
        }
        if (!TryReadHeader(header, out var keyId, out error))
        {
            return false;
        }
        // The signing input is the ASCII of the first two segments as sent (RFC 7515 §5.2 step 8).
        var signingInput = Encoding.ASCII.GetBytes(text, 0, parts[0].Length + 1 + parts[1].Length);
        jws = new CompactJws(signingInput, header, keyId, payload, signature);
        return true;
    }

    /// <summary>True when the signature verifies under <paramref name="key"/> (RFC 8037 §3.1).</summary>
    public bool Verify(Ed25519PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Verify(_signingInput, _signature);
    }

    /// <summary>The payload as a JSON object (a JWT claims set, RFC 7519 §7.2 step 10), if it is one.</summary>
    public bool TryGetPayloadObject(out JsonElement claims) => TryParseObject(_payload, out claims);

    private static bool TryReadHeader(JsonElement header, out string? keyId, [NotNullWhen(false)] out string? error)
    {
        keyId = null;
        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != Algorithm)
        {
            error = $"the header's alg must be \"{Algorithm}\"";
            return false;
        }
        // RFC 7515 §4.1.11: a recipient that does not understand a listed extension must reject.
        if (header.TryGetProperty("crit", out _))
        {
            error = "the header lists critical extensions (crit), which are not supported";
            return false;
        }
        if (header.TryGetProperty("kid", out var kid))
        {
            if (kid.ValueKind != JsonValueKind.String)
            {
                error = "the header's kid must be a string";
                return false;
            }
            keyId = kid.GetString();
        }
        error = null;
        return true;
    }

    private static bool TryParseObject(byte[] utf8, out JsonElement value)
    {
        value = default;
        try
        {
            value = JsonElement.Parse(utf8, StrictJson);
            return value.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
