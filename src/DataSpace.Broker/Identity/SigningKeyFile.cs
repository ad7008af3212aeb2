using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Jose;

namespace DataSpace.Broker.Identity;

/// <summary>
/// The broker's token signing key on disk: one private EC P-256 JWK (RFC 7517 §6.2) in
/// <c>token-signing-key.jwk.json</c>, mode 0600 in a 0700 folder on Unix. It is written once,
/// atomically (temporary file, then a rename that never overwrites), so a crash or a second
/// broker starting at the same moment cannot leave two keys or half a key; an existing file is
/// never replaced, and a damaged one stops the broker rather than silently rotating the key.
/// </summary>
internal static class SigningKeyFile
{
    public const string FileName = "token-signing-key.jwk.json";

    /// <summary>Reads the key in <paramref name="directory"/>, creating it first if there is none.</summary>
    public static ECParameters LoadOrCreate(string directory, out bool created)
    {
        var path = Path.Combine(directory, FileName);
        created = false;
        if (!File.Exists(path))
        {
            created = TryCreate(directory, path);
        }
        return Read(path);
    }

    private static bool TryCreate(string directory, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = ToJwk(ecdsa.ExportParameters(includePrivateParameters: true));
        var temporary = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, PrivateFile()))
            {
                JsonSerializer.Serialize(stream, jwk, SigningKeyJson.Default.JsonObject);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another broker sharing the folder wrote its key first: use that one.
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStreamOptions PrivateFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return options;
    }

    private static ECParameters Read(string path)
    {
        JsonObject? jwk;
        try
        {
            jwk = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject;
        }
        catch (JsonException e)
        {
            throw Damaged(path, $"it is not JSON ({e.Message})");
        }
        if (jwk is null || Text(jwk, "kty") != "EC" || Text(jwk, "crv") != "P-256")
        {
            throw Damaged(path, "it is not an EC P-256 JWK");
        }
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Coordinate(jwk, "x", path), Y = Coordinate(jwk, "y", path) },
            D = Coordinate(jwk, "d", path),
        };
        try
        {
            // Importing checks that the point is on the curve and matches d.
            using var check = ECDsa.Create(parameters);
        }
        catch (CryptographicException e)
        {
            throw Damaged(path, $"the key does not import ({e.Message})");
        }
        return parameters;
    }

    public static JsonObject ToJwk(ECParameters key)
    {
        var x = StrictBase64Url.Encode(key.Q.X);
        var y = StrictBase64Url.Encode(key.Q.Y);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["alg"] = "ES256",
            ["use"] = "sig",
            ["kid"] = JwkThumbprint.OfEcKey("P-256", x, y),
            ["x"] = x,
            ["y"] = y,
        };
        if (key.D is { } d)
        {
            jwk["d"] = StrictBase64Url.Encode(d);
        }
        return jwk;
    }

    private static string? Text(JsonObject jwk, string name) =>
        jwk[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static byte[] Coordinate(JsonObject jwk, string name, string path) =>
        Text(jwk, name) is { } text && StrictBase64Url.TryDecode(text, out var bytes) && bytes.Length == 32
            ? bytes
            : throw Damaged(path, $"member '{name}' is not base64url of 32 bytes");

    private static InvalidOperationException Damaged(string path, string why) =>
        new($"The token signing key {path} cannot be used: {why}. Restore it from a backup, or move it away to have a new key generated (tokens already issued then stop validating).");
}
