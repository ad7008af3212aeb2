using System.Buffers;
using System.Buffers.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// The header's base64: RFC 4648 section 4 without <c>=</c> padding. Decoding is strict: the age
/// spec ("Conventions") requires rejecting non-canonical encodings (RFC 4648 section 3.5) and
/// padding, and the CCTV vectors check both.
/// </summary>
internal static class Base64Unpadded
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    public static bool TryDecode(string text, out byte[] bytes)
    {
        var ascii = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                bytes = [];
                return false;
            }
            ascii[i] = (byte)text[i];
        }
        return TryDecode(ascii, out bytes);
    }

    public static bool TryDecode(ReadOnlySpan<byte> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1 || !IsAlphabet(text))
        {
            return false;
        }
        var padded = new byte[(text.Length + 3) / 4 * 4];
        text.CopyTo(padded);
        padded.AsSpan(text.Length).Fill((byte)'=');
        var decoded = new byte[padded.Length / 4 * 3];
        if (Base64.DecodeFromUtf8(padded, decoded, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        decoded = decoded[..written];
        // Canonical means the unused low bits of the last character are zero: re-encoding must
        // give back exactly the input (RFC 4648 section 3.5).
        var again = new byte[padded.Length];
        Base64.EncodeToUtf8(decoded, again, out _, out _);
        if (!again.AsSpan(0, text.Length).SequenceEqual(text))
        {
            return false;
        }
        bytes = decoded;
        return true;
    }

    private static readonly SearchValues<byte> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    /// <summary>True when every byte is in the RFC 4648 section 4 alphabet (no padding, no whitespace).</summary>
    public static bool IsAlphabet(ReadOnlySpan<byte> text) => !text.ContainsAnyExcept(Alphabet);
}
