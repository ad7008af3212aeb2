using System.Diagnostics.CodeAnalysis;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Bech32 as BIP 173 specifies it (the original checksum, not Bech32m), without the 90-character
/// limit, as the age spec ("Conventions") uses it for keys. A string is all upper or all lower
/// case; the checksum is computed over the lower-case form; the separator is the last <c>1</c>.
/// The decoded HRP keeps the string's case, so callers can insist on <c>AGE-SECRET-KEY-</c>
/// (upper) or <c>age</c> (lower) exactly as the reference implementation does.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var upper = hrp.ToUpperInvariant() == hrp && hrp.ToLowerInvariant() != hrp;
        var lowerHrp = hrp.ToLowerInvariant();
        var values = ConvertBits(data, 8, 5, pad: true)!;
        var checksum = CreateChecksum(lowerHrp, values);
        var chars = new char[values.Length + ChecksumLength];
        for (var i = 0; i < values.Length; i++)
        {
            chars[i] = Charset[values[i]];
        }
        for (var i = 0; i < ChecksumLength; i++)
        {
            chars[values.Length + i] = Charset[checksum[i]];
        }
        var text = lowerHrp + "1" + new string(chars);
        return upper ? text.ToUpperInvariant() : text;
    }

    public static bool TryDecode(string text, [NotNullWhen(true)] out string? hrp, [NotNullWhen(true)] out byte[]? data)
    {
        hrp = null;
        data = null;
        var lower = text.ToLowerInvariant();
        if (lower != text && text.ToUpperInvariant() != text)
        {
            return false; // mixed case
        }
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 1 + ChecksumLength > lower.Length)
        {
            return false;
        }
        if (lower.AsSpan(0, separator).ContainsAnyExceptInRange('!', '~'))
        {
            return false;
        }
        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Charset.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }
            values[i] = (byte)index;
        }
        if (Polymod([.. ExpandHrp(lower[..separator]), .. values]) != 1)
        {
            return false;
        }
        var decoded = ConvertBits(values.AsSpan(0, values.Length - ChecksumLength), 5, 8, pad: false);
        if (decoded is null)
        {
            return false;
        }
        hrp = text[..separator];
        data = decoded;
        return true;
    }

    private static byte[] CreateChecksum(string lowerHrp, ReadOnlySpan<byte> values)
    {
        var polymod = Polymod([.. ExpandHrp(lowerHrp), .. values, 0, 0, 0, 0, 0, 0]) ^ 1;
        var checksum = new byte[ChecksumLength];
        for (var i = 0; i < ChecksumLength; i++)
        {
            checksum[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        }
        return checksum;
    }

    private static byte[] ExpandHrp(string lowerHrp)
    {
        var expanded = new byte[(lowerHrp.Length * 2) + 1];
        for (var i = 0; i < lowerHrp.Length; i++)
        {
            expanded[i] = (byte)(lowerHrp[i] >> 5);
            expanded[i + lowerHrp.Length + 1] = (byte)(lowerHrp[i] & 31);
        }
        return expanded;
    }

    private static uint Polymod(ReadOnlySpan<byte> values)
    {
        ReadOnlySpan<uint> generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        foreach (var value in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ value;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= generator[i];
                }
            }
        }
        return chk;
    }

    /// <summary>BIP 173 <c>convertbits</c>; when decoding, leftover padding must be under 5 bits and zero.</summary>
    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad)
    {
        var accumulator = 0;
        var bits = 0;
        var maxValue = (1 << toBits) - 1;
        var result = new List<byte>((data.Length * fromBits / toBits) + 1);
        foreach (var value in data)
        {
            accumulator = (accumulator << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((accumulator >> bits) & maxValue));
            }
            accumulator &= (1 << bits) - 1;
        }
        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((accumulator << (toBits - bits)) & maxValue));
            }
        }
        else if (bits >= fromBits || ((accumulator << (toBits - bits)) & maxValue) != 0)
        {
            return null;
        }
        return [.. result];
    }
}
