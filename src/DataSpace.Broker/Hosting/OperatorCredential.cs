using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Broker.Hosting;

/// <summary>
/// The broker operator's credential: a random bearer secret from configuration, or created once in
/// <c>DataDirectory/operator.token</c>. Registering, suspending and revoking participants need it.
/// </summary>
public sealed class OperatorCredential
{
    /// <summary>The file name in the data directory.</summary>
    public const string FileName = "operator.token";

    private readonly byte[] _secret;

    private OperatorCredential(string secret, string? path)
    {
        _secret = Encoding.UTF8.GetBytes(secret);
        FilePath = path;
    }

    /// <summary>The file holding it, when it came from (or was written to) a file.</summary>
    public string? FilePath { get; }

    /// <summary>The configured credential, or the one in the data directory (created on first start).</summary>
    public static OperatorCredential LoadOrCreate(string dataDirectory, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new OperatorCredential(configured.Trim(), null);
        }
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            SecretFiles.WriteNew(path, Encoding.UTF8.GetBytes(Base64Url(RandomNumberGenerator.GetBytes(32)) + "\n"));
        }
        return new OperatorCredential(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>True when <paramref name="presented"/> is the credential (constant time).</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
