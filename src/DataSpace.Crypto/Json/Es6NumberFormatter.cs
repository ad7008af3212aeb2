using System.Globalization;
using System.Text;

namespace DataSpace.Crypto.Json;

/// <summary>
/// Formats a binary64 number exactly as ECMAScript's <c>Number.prototype.toString</c> does
/// (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 requires for canonical JSON.
/// </summary>
/// <remarks>
/// .NET (since Core 3.0) already finds the shortest digit string that round-trips, which is the
/// hard half of the ECMAScript algorithm; what differs is the layout (exponent thresholds, case,
/// sign and padding of the exponent). So we take .NET's shortest digits and exponent and lay them
/// out by the ECMAScript rules. Held to the 100,000-line ES6 test file in ../shared/conformance/jcs.
/// </remarks>
public static class Es6NumberFormatter
{
    /// <summary>Formats <paramref name="value"/>; NaN and infinities have no JSON form and throw.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and Infinity cannot be represented in JSON (RFC 8785 §3.2.2.3).");
        }
        if (value == 0)
        {
            return "0"; // ECMAScript prints both +0 and -0 as "0".
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var text = Layout(digits, pointPosition);
        return value < 0 ? "-" + text : text;
    }

    /// <summary>
    /// Returns the shortest round-tripping decimal digits d1..dk (no leading or trailing zeros)
    /// and n such that |value| = 0.d1..dk × 10^n, the (k, n) of ECMA-262 §6.1.6.1.20 step 5.
    /// </summary>
    private static (string Digits, int PointPosition) ShortestDigits(double magnitude)
    {
        // "R" yields the shortest round-trip form, either "ddd.ddd" or "d.dddE+xx".
        var raw = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var ePos = raw.IndexOf('E');
        if (ePos >= 0)
        {
            exponent = int.Parse(raw.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            raw = raw[..ePos];
        }

        var dot = raw.IndexOf('.');
        var integerPart = dot >= 0 ? raw[..dot] : raw;
        var fractionPart = dot >= 0 ? raw[(dot + 1)..] : string.Empty;
        var all = integerPart + fractionPart;
        var pointPosition = integerPart.Length + exponent;

        var leadingZeros = 0;
        while (leadingZeros < all.Length - 1 && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        all = all[leadingZeros..];
        pointPosition -= leadingZeros;
        return (all.TrimEnd('0'), pointPosition);
    }

    /// <summary>ECMA-262 §6.1.6.1.20 steps 6–10, for a positive number.</summary>
    private static string Layout(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k); // Step 6: an integer, padded with zeros.
        }
        if (0 < n && n <= 21)
        {
            return string.Concat(digits.AsSpan(0, n), ".", digits.AsSpan(n)); // Step 7: point inside the digits.
        }
        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits; // Step 8: small number, leading zeros.
        }

        // Steps 9–10: exponential form, "e" with an explicit sign and no padding.
        var exponent = n - 1;
        var builder = new StringBuilder(k + 6);
        builder.Append(digits[0]);
        if (k > 1)
        {
            builder.Append('.').Append(digits, 1, k - 1);
        }
        builder.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }
}
