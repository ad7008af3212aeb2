using System.Buffers;
using System.Buffers.Text;

namespace DataSpace.Crypto.Jose;

/// <summary>
/// base64url without padding (RFC 7515 §2, RFC 4648 §5), accepted only in its canonical form: no
/// padding, no whitespace, no characters outside the URL-safe alphabet, and the unused low bits of
/// the last character zero, so a signed JWS segment has exactly one spelling.
/// </summary>
public static class StrictBase64Url
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Encodes <paramref name="data"/> as unpadded base64url.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(data);

    /// <summary>Decodes <paramref name="text"/> if it is canonical unpadded base64url.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        // A single leftover character carries only 6 bits: no byte string encodes to it.
        if (text.Length % 4 == 1 || text.ContainsAnyExcept(Alphabet))
        {
            return false;
        }
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }
        var decoded = buffer[..written];
        // Canonical means re-encoding gives back the input (RFC 4648 §3.5): unused bits zero. The
        // decoder checks this today; the comparison keeps it true whatever the decoder accepts.
        if (!Base64Url.EncodeToString(decoded).AsSpan().SequenceEqual(text))
        {
            return false;
        }
        bytes = decoded;
        return true;
    }
}
