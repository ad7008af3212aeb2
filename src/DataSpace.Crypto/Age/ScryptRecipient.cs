using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Encrypts to a passphrase (age spec, "The scrypt recipient type"). A file with a scrypt stanza
/// may have no other stanza, so use it as the only recipient.
/// </summary>
public sealed class ScryptRecipient : IRecipient
{
    /// <summary>age's default work factor, log2 N = 18 (about a second, 256 MiB).</summary>
    public const int DefaultWorkFactor = 18;

    internal const string StanzaType = "scrypt";
    internal const int SaltSize = 16;
    internal static readonly byte[] SaltLabel = Encoding.ASCII.GetBytes("age-encryption.org/v1/scrypt");

    private readonly byte[] _passphrase;
    private readonly int _workFactor;

    /// <summary>Creates a passphrase recipient.</summary>
    /// <param name="passphrase">The passphrase, used as its UTF-8 bytes.</param>
    /// <param name="workFactor">log2 of the scrypt cost N; 1 to <see cref="ScryptIdentity.DefaultMaxWorkFactor"/>.</param>
    public ScryptRecipient(string passphrase, int workFactor = DefaultWorkFactor)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        ArgumentOutOfRangeException.ThrowIfLessThan(workFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workFactor, ScryptIdentity.DefaultMaxWorkFactor);
        _passphrase = Encoding.UTF8.GetBytes(passphrase);
        _workFactor = workFactor;
    }

    /// <inheritdoc />
    public IReadOnlyList<AgeStanza> Wrap(ReadOnlySpan<byte> fileKey)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var wrapKey = DeriveWrapKey(_passphrase, salt, _workFactor);
        try
        {
            var arguments = new[] { Base64Unpadded.Encode(salt), _workFactor.ToString(CultureInfo.InvariantCulture) };
            return [new AgeStanza(StanzaType, arguments, FileKeyWrap.Seal(wrapKey, fileKey))];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    /// <summary>wrap key = scrypt(N = 2^workFactor, r = 8, p = 1, dkLen = 32, S = label || salt, P = passphrase).</summary>
    internal static byte[] DeriveWrapKey(ReadOnlySpan<byte> passphrase, ReadOnlySpan<byte> salt, int workFactor) =>
        Scrypt.DeriveKey(passphrase, [.. SaltLabel, .. salt], workFactor, r: 8, p: 1, length: 32);
}
