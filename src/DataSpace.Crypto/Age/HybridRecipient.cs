using System.Security.Cryptography;
using System.Text;
using DataSpace.Crypto.Age.Hybrid;

namespace DataSpace.Crypto.Age;

/// <summary>
/// A post-quantum hybrid public key that files can be encrypted to, written <c>age1pq1…</c> (age
/// spec, "The MLKEM768-X25519 (i.e. X-Wing) hybrid post-quantum recipient type"): the 1216-byte
/// X-Wing public key, ML-KEM-768 encapsulation key (1184 bytes) ‖ X25519 key (32 bytes), in
/// Bech32 with HRP <c>age1pq</c> (1959 characters). Each <see cref="Wrap(ReadOnlySpan{byte})"/> makes one
/// <c>mlkem768x25519</c> stanza with a fresh encapsulation. Files meant to resist a quantum
/// adversary should not also be encrypted to classic (X25519 or scrypt) recipients.
/// </summary>
public sealed class HybridRecipient : IRecipient
{
    internal const string StanzaType = "mlkem768x25519";
    internal const string Hrp = "age1pq";
    internal static readonly byte[] Info = Encoding.ASCII.GetBytes("age-encryption.org/mlkem768x25519");

    private readonly byte[] _publicKey;

    internal HybridRecipient(ReadOnlySpan<byte> publicKey)
    {
        _publicKey = publicKey.ToArray();
    }

    /// <summary>
    /// Parses a Bech32 <c>age1pq1…</c> recipient: lower case, valid checksum, 1216 bytes whose
    /// ML-KEM part is a well-formed encapsulation key (FIPS 203 section 7.2).
    /// </summary>
    /// <exception cref="FormatException">The string is not a hybrid age recipient.</exception>
    public static HybridRecipient Parse(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!Bech32.TryDecode(recipient, out var hrp, out var data) || hrp != Hrp || !XWing.IsValidPublicKey(data))
        {
            throw new FormatException("Not an age hybrid recipient: expected a lower-case Bech32 'age1pq1…' string holding a valid 1216-byte MLKEM768-X25519 public key.");
        }
        return new HybridRecipient(data);
    }

    /// <summary>The Bech32 <c>age1pq1…</c> form.</summary>
    public override string ToString() => Bech32.Encode(Hrp, _publicKey);

    /// <inheritdoc />
    public IReadOnlyList<AgeStanza> Wrap(ReadOnlySpan<byte> fileKey)
    {
        var seed = RandomNumberGenerator.GetBytes(XWing.EncapsulationSeedSize);
        try
        {
            return Wrap(fileKey, seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// The stanza for a given encapsulation randomness (64 bytes, <see cref="XWing.EncapsulateDerand"/>):
    /// HPKE SealBase(pkR = recipient, info = "age-encryption.org/mlkem768x25519", aad = "", pt = file key).
    /// Only tests choose the randomness; <see cref="Wrap(ReadOnlySpan{byte})"/> draws it fresh.
    /// </summary>
    internal IReadOnlyList<AgeStanza> Wrap(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> encapsulationSeed)
    {
        if (fileKey.Length != FileKeyWrap.FileKeySize)
        {
            throw new ArgumentException($"An age file key is {FileKeyWrap.FileKeySize} bytes.", nameof(fileKey));
        }
        var (sharedSecret, enc) = XWing.EncapsulateDerand(_publicKey, encapsulationSeed)
            ?? throw new InvalidOperationException("The X25519 part of the hybrid recipient is a low-order point: the shared secret is all zero.");
        try
        {
            var body = Hpke.Seal(sharedSecret, Info, [], fileKey);
            return [new AgeStanza(StanzaType, [Base64Unpadded.Encode(enc)], body)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }

    internal ReadOnlySpan<byte> PublicKeyBytes => _publicKey;
}
