using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DataSpace.Ledger.Notes;

/// <summary>
/// Strict lexical rules shared by the C2SP signed-note family: key names, canonical base64
/// (RFC 4648 §4 with zero padding bits, as a re-encode round trip) and canonical decimals.
/// </summary>
internal static class NoteText
{
    public const char EmDash = '\u2014';

    /// <summary>Key names are non-empty, with no Unicode space and no '+' (c2sp.org/signed-note).</summary>
    public static bool IsValidKeyName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune.Value == '+' || Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Decodes standard base64 only if it is the canonical encoding of the result.</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0 || !Base64.IsValid(text, out var length))
        {
            return false;
        }
        bytes = new byte[length];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written != length)
        {
            return false;
        }
        // Non-zero padding bits decode fine but do not round-trip: reject them.
        return Convert.ToBase64String(bytes) == text;
    }

    /// <summary>Parses an ASCII decimal uint64 with no sign, no spaces and no leading zero (except "0").</summary>
    public static bool TryParseDecimal(string text, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 20 || (text.Length > 1 && text[0] == '0') || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Formats a uint64 as a canonical ASCII decimal.</summary>
    public static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the string has no lone surrogate, i.e. encodes to valid UTF-8.</summary>
    public static bool IsWellFormed(string text) =>
        System.Text.Unicode.Utf8.FromUtf16(text, new byte[Encoding.UTF8.GetMaxByteCount(text.Length)], out _, out _, replaceInvalidSequences: false)
            == System.Buffers.OperationStatus.Done;

    /// <summary>Signed notes are UTF-8 with no ASCII control characters other than newline.</summary>
    public static bool HasForbiddenControl(string text) => text.Any(c => c < 0x20 && c != '\n');
}
