using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Decrypts files encrypted to a passphrase (age spec, "scrypt recipient stanza"). Work factors
/// above <see cref="MaxWorkFactor"/> are refused before any work is done, as the spec recommends.
/// </summary>
public sealed class ScryptIdentity : IIdentity
{
    /// <summary>age's own decryption limit, log2 N = 22 (4 GiB of scrypt memory).</summary>
    public const int DefaultMaxWorkFactor = 22;

    private readonly byte[] _passphrase;

    /// <summary>Creates a passphrase identity.</summary>
    /// <param name="passphrase">The passphrase, used as its UTF-8 bytes.</param>
    /// <param name="maxWorkFactor">The largest log2 N accepted; a file asking for more is rejected.</param>
    public ScryptIdentity(string passphrase, int maxWorkFactor = DefaultMaxWorkFactor)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxWorkFactor, 30);
        _passphrase = Encoding.UTF8.GetBytes(passphrase);
        MaxWorkFactor = maxWorkFactor;
    }

    /// <summary>The largest accepted log2 of the scrypt cost.</summary>
    public int MaxWorkFactor { get; }

    /// <inheritdoc />
    public byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        foreach (var stanza in stanzas)
        {
            if (stanza.Type != ScryptRecipient.StanzaType)
            {
                continue;
            }
            // The decryptor already enforces this for every identity; an identity used on its own
            // must still refuse to authenticate a file that other keys could also open.
            if (stanzas.Count != 1)
            {
                throw new AgeException(AgeErrorKind.Header, "An scrypt stanza must be the only stanza in the header.");
            }
            return UnwrapOne(stanza);
        }
        return null;
    }

    private byte[]? UnwrapOne(AgeStanza stanza)
    {
        if (stanza.Arguments.Count != 2)
        {
            throw new AgeException(AgeErrorKind.Header, "Invalid scrypt stanza: it must have exactly three arguments.");
        }
        if (!Base64Unpadded.TryDecode(stanza.Arguments[0], out var salt) || salt.Length != ScryptRecipient.SaltSize)
        {
            throw new AgeException(AgeErrorKind.Header, "Invalid scrypt stanza: the salt is not the canonical base64 of 16 bytes.");
        }
        var workFactor = ParseWorkFactor(stanza.Arguments[1]);
        if (workFactor > MaxWorkFactor)
        {
            throw new AgeException(AgeErrorKind.Header, $"scrypt work factor {workFactor} is above the limit of {MaxWorkFactor}.");
        }
        if (stanza.Body.Length != FileKeyWrap.BodySize)
        {
            // Checked before any decryption, against partitioning oracle attacks.
            throw new AgeException(AgeErrorKind.Header, "Invalid scrypt stanza: the body is not 32 bytes.");
        }
        var wrapKey = ScryptRecipient.DeriveWrapKey(_passphrase, salt, workFactor);
        try
        {
            return FileKeyWrap.Open(wrapKey, stanza.Body.Span);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    /// <summary>The spec allows only <c>^[1-9][0-9]*$</c>: no sign, no leading zero, no hex; nine digits bound the parse.</summary>
    private static int ParseWorkFactor(string text)
    {
        var valid = text.Length is > 0 and <= 9
            && text[0] is >= '1' and <= '9'
            && text.All(char.IsAsciiDigit);
        if (!valid)
        {
            throw new AgeException(AgeErrorKind.Header, "Invalid scrypt stanza: the work factor is not a decimal number without leading zeros, or is far too large.");
        }
        return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
