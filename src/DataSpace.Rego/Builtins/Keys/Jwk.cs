using System.Security.Cryptography;
using System.Text.Json;

namespace DataSpace.Rego.Builtins.Keys;

/// <summary>
/// JSON Web Keys (RFC 7517) and key sets: <c>RSA</c> and <c>EC</c> (RFC 7518 §6), <c>oct</c>
/// secrets and <c>OKP</c> Ed25519 keys (RFC 8037). Private members are read when present, so
/// the same parser serves verification and signing.
/// </summary>
internal static class Jwk
{
    /// <summary>Every key of a JWK or a JWK set (<c>{"keys": [...]}</c>), in order.</summary>
    public static List<VerificationKey> ParseSet(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new KeyFormatException("invalid JSON: " + e.Message);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KeyFormatException("a JWK must be a JSON object");
            }
            if (root.TryGetProperty("keys", out var keys))
            {
                if (keys.ValueKind != JsonValueKind.Array)
                {
                    throw new KeyFormatException("\"keys\" must be an array");
                }
                return [.. keys.EnumerateArray().Select(Parse)];
            }
            return [Parse(root)];
        }
    }

    private static VerificationKey Parse(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            throw new KeyFormatException("a JWK must be a JSON object");
        }
        var kty = Text(jwk, "kty") ?? throw new KeyFormatException("missing \"kty\"");
        object key = kty switch
        {
            "RSA" => Rsa(jwk),
            "EC" => Ec(jwk),
            "OKP" => Okp(jwk),
            "oct" => new SymmetricKey(Bytes(jwk, "k") ?? throw new KeyFormatException("missing \"k\"")),
            _ => throw new KeyFormatException($"invalid key type: {kty}"),
        };
        return new VerificationKey(Text(jwk, "alg") ?? "", Text(jwk, "kid") ?? "", key);
    }

    private static RSA Rsa(JsonElement jwk)
    {
        var n = Required(jwk, "n");
        var p = new RSAParameters { Modulus = n, Exponent = Required(jwk, "e") };
        if (Bytes(jwk, "d") is { } d)
        {
            // .NET imports private RSA keys only with every CRT member, each at its exact size.
            var half = (n.Length + 1) / 2;
            p.D = Pad(d, n.Length);
            p.P = Pad(Required(jwk, "p"), half);
            p.Q = Pad(Required(jwk, "q"), half);
            p.DP = Pad(Required(jwk, "dp"), half);
            p.DQ = Pad(Required(jwk, "dq"), half);
            p.InverseQ = Pad(Required(jwk, "qi"), half);
        }
        return Import(() =>
        {
            var rsa = RSA.Create();
            rsa.ImportParameters(p);
            return rsa;
        });
    }

    private static ECDsa Ec(JsonElement jwk)
    {
        var (curve, size) = Text(jwk, "crv") switch
        {
            "P-256" => (ECCurve.NamedCurves.nistP256, 32),
            "P-384" => (ECCurve.NamedCurves.nistP384, 48),
            "P-521" => (ECCurve.NamedCurves.nistP521, 66),
            var crv => throw new KeyFormatException($"unsupported elliptic curve: {crv}"),
        };
        var p = new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = Pad(Required(jwk, "x"), size), Y = Pad(Required(jwk, "y"), size) },
            D = Bytes(jwk, "d") is { } d ? Pad(d, size) : null,
        };
        return Import(() => ECDsa.Create(p));
    }

    private static Ed25519Key Okp(JsonElement jwk)
    {
        if (Text(jwk, "crv") is not "Ed25519")
        {
            throw new KeyFormatException($"unsupported OKP curve: {Text(jwk, "crv")}");
        }
        var x = Required(jwk, "x");
        var d = Bytes(jwk, "d");
        if (x.Length != 32 || d is { Length: not 32 })
        {
            throw new KeyFormatException("Ed25519 keys are 32 bytes");
        }
        return new Ed25519Key(x, d);
    }

    private static T Import<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (CryptographicException e)
        {
            throw new KeyFormatException(e.Message);
        }
    }

    private static byte[] Pad(byte[] value, int size)
    {
        if (value.Length >= size)
        {
            return value;
        }
        var padded = new byte[size];
        value.CopyTo(padded, size - value.Length);
        return padded;
    }

    private static string? Text(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static byte[] Required(JsonElement jwk, string name) =>
        Bytes(jwk, name) ?? throw new KeyFormatException($"missing \"{name}\"");

    private static byte[]? Bytes(JsonElement jwk, string name)
    {
        if (Text(jwk, name) is not { } s)
        {
            return null;
        }
        return EncodingBuiltins.TryBase64(s, url: true, padded: false, out var bytes)
            ? bytes
            : throw new KeyFormatException($"\"{name}\" is not base64url");
    }
}
