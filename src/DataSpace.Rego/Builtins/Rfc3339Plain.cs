namespace DataSpace.Rego.Builtins;

/// <summary>
/// Reads the one RFC 3339 shape policies parse over and over (<c>2026-11-28T06:30:00Z</c>, with an
/// optional fraction of 1-9 digits and <c>Z</c> or a <c>±hh:mm</c> offset) without the general Go
/// layout machinery (a regular expression and group lookups). Anything else, and anything out of
/// range, is left to <see cref="GoTimeLayout.Parse"/>, which then decides exactly as before: this
/// only answers where its answer is the same.
/// </summary>
internal static class Rfc3339Plain
{
    private const int Shortest = 20; // 2006-01-02T15:04:05Z

    public static bool TryParse(string text, out (DateTimeOffset Time, long Nanos) value)
    {
        value = default;
        var s = text.AsSpan();
        if (s.Length < Shortest || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..10], out var day)
            || !TryDigits(s[11..13], out var hour) || !TryDigits(s[14..16], out var minute) || !TryDigits(s[17..19], out var second))
        {
            return false;
        }
        var at = 19;
        long nanos = 0;
        if (s[at] == '.')
        {
            var digits = 0;
            while (++at < s.Length && char.IsAsciiDigit(s[at]))
            {
                nanos = (nanos * 10) + (s[at] - '0');
                digits++;
            }
            if (digits is 0 or > 9)
            {
                return false;
            }
            for (; digits < 9; digits++)
            {
                nanos *= 10;
            }
        }
        if (!TryOffset(s[at..], out var offset)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = (new DateTimeOffset(year, month, day, hour, minute, second, offset), nanos);
        return true;
    }

    /// <summary><c>Z</c>, or <c>±hh:mm</c> within the ±14:00 a <see cref="DateTimeOffset"/> holds.</summary>
    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s is "Z")
        {
            return true;
        }
        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':' || !TryDigits(s[1..3], out var hours) || !TryDigits(s[4..6], out var minutes) || minutes > 59)
        {
            return false;
        }
        offset = (s[0] == '-' ? -1 : 1) * new TimeSpan(hours, minutes, 0);
        return offset.Duration() <= TimeSpan.FromHours(14);
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
