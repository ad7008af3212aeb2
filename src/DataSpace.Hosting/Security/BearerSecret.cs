using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Hosting.Security;

/// <summary>
/// A bearer secret for a service's privileged callers — the broker operator, a connector's local
/// applications: a random value from configuration, or created once in a file of the data
/// directory (owner-readable only) whose path the service prints at start.
/// </summary>
public sealed class BearerSecret
{
    private readonly byte[] _secret;

    private BearerSecret(string secret, string? path)
    {
        _secret = Encoding.UTF8.GetBytes(secret);
        FilePath = path;
    }

    /// <summary>The file holding it, when it came from (or was written to) a file.</summary>
    public string? FilePath { get; }

    /// <summary>The configured secret, or the one in <paramref name="path"/> (created on first start).</summary>
    public static BearerSecret LoadOrCreate(string path, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new BearerSecret(configured.Trim(), null);
        }
        if (!File.Exists(path))
        {
            SecretFiles.WriteNew(path, Encoding.UTF8.GetBytes(Base64Url(RandomNumberGenerator.GetBytes(32)) + "\n"));
        }
        return new BearerSecret(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>True when <paramref name="presented"/> is the secret (constant time).</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);

    /// <summary>True when the request carries the secret as <c>Authorization: Bearer …</c>.</summary>
    public bool Authorizes(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && Matches(header["Bearer ".Length..].Trim());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
