using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// An X25519 public key that files can be encrypted to, written <c>age1…</c> (age spec, "The
/// X25519 recipient type"). Each <see cref="Wrap"/> uses a fresh ephemeral key.
/// </summary>
public sealed class X25519Recipient : IRecipient
{
    internal const string StanzaType = "X25519";
    internal const string Hrp = "age";
    internal static readonly byte[] Info = Encoding.ASCII.GetBytes("age-encryption.org/v1/X25519");

    private readonly byte[] _publicKey;

    internal X25519Recipient(ReadOnlySpan<byte> publicKey)
    {
        _publicKey = publicKey.ToArray();
    }

    /// <summary>Parses a Bech32 <c>age1…</c> recipient (lower case, valid checksum, 32-byte key).</summary>
    /// <exception cref="FormatException">The string is not an X25519 age recipient.</exception>
    public static X25519Recipient Parse(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!Bech32.TryDecode(recipient, out var hrp, out var data) || hrp != Hrp || data.Length != 32)
        {
            throw new FormatException("Not an age X25519 recipient: expected a lower-case Bech32 'age1…' string holding 32 bytes.");
        }
        return new X25519Recipient(data);
    }

    /// <summary>The Bech32 <c>age1…</c> form.</summary>
    public override string ToString() => Bech32.Encode(Hrp, _publicKey);

    /// <inheritdoc />
    public IReadOnlyList<AgeStanza> Wrap(ReadOnlySpan<byte> fileKey)
    {
        var algorithm = KeyAgreementAlgorithm.X25519;
        using var ephemeral = Key.Create(algorithm);
        var share = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var recipient = PublicKey.Import(algorithm, _publicKey, KeyBlobFormat.RawPublicKey);
        // The recipient's key could be a low-order point; the spec's all-zero check applies here too.
        using var shared = algorithm.Agree(ephemeral, recipient, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport })
            ?? throw new InvalidOperationException("The X25519 recipient is a low-order point: the shared secret is all zero.");
        var secret = shared.Export(SharedSecretBlobFormat.RawSharedSecret);
        var wrapKey = AgeKdf.Derive(secret, [.. share, .. _publicKey], Info);
        try
        {
            return [new AgeStanza(StanzaType, [Base64Unpadded.Encode(share)], FileKeyWrap.Seal(wrapKey, fileKey))];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    internal ReadOnlySpan<byte> PublicKeyBytes => _publicKey;
}
