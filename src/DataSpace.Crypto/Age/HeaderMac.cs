using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// The header MAC (age spec, "Header MAC"): HMAC-SHA-256 over the header up to and including
/// <c>---</c>, keyed with HKDF-SHA-256(ikm = file key, salt = empty, info = "header").
/// </summary>
internal static class HeaderMac
{
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("header");

    public static byte[] Compute(ReadOnlySpan<byte> fileKey, IReadOnlyList<AgeStanza> stanzas)
    {
        var key = AgeKdf.Derive(fileKey, [], Info);
        try
        {
            return HMACSHA256.HashData(key, AgeHeader.EncodeWithoutMac(stanzas));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public static bool Verify(ReadOnlySpan<byte> fileKey, AgeHeader header) =>
        CryptographicOperations.FixedTimeEquals(Compute(fileKey, header.Stanzas), header.Mac);
}
