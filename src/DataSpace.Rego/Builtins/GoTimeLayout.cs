using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DataSpace.Rego.Builtins;

/// <summary>
/// Go's reference-time layouts (<c>2006-01-02T15:04:05Z07:00</c>) for <c>time.format</c> and
/// <c>time.parse_ns</c>, plus the named layouts OPA accepts (<c>RFC3339</c>, <c>RFC1123Z</c>, …).
/// </summary>
internal static class GoTimeLayout
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["ANSIC"] = "Mon Jan _2 15:04:05 2006",
        ["UnixDate"] = "Mon Jan _2 15:04:05 MST 2006",
        ["RubyDate"] = "Mon Jan 02 15:04:05 -0700 2006",
        ["RFC822"] = "02 Jan 06 15:04 MST",
        ["RFC822Z"] = "02 Jan 06 15:04 -0700",
        ["RFC850"] = "Monday, 02-Jan-06 15:04:05 MST",
        ["RFC1123"] = "Mon, 02 Jan 2006 15:04:05 MST",
        ["RFC1123Z"] = "Mon, 02 Jan 2006 15:04:05 -0700",
        ["RFC3339"] = "2006-01-02T15:04:05Z07:00",
        ["RFC3339Nano"] = "2006-01-02T15:04:05.999999999Z07:00",
        ["Kitchen"] = "3:04PM",
        ["Stamp"] = "Jan _2 15:04:05",
        ["DateTime"] = "2006-01-02 15:04:05",
        ["DateOnly"] = "2006-01-02",
        ["TimeOnly"] = "15:04:05",
    };

    // Longest tokens first so "2006" wins over "2", "January" over "Jan".
    private static readonly string[] Tokens =
    [
        "January", "Monday", "Z07:00", "-07:00", "Z0700", "-0700", "2006", "Jan", "Mon", "MST", "-07",
        "002", "_2", "01", "02", "03", "04", "05", "06", "15", "PM", "pm", "1", "2", "3", "4", "5",
    ];

    private const int MaxCompiled = 64;
    private static readonly ConcurrentDictionary<string, (Regex Pattern, string[] Groups)> Compiled = new(StringComparer.Ordinal);

    public static string Resolve(string layout) => Named.TryGetValue(layout, out var l) ? l : layout;

    public static string Format(DateTimeOffset t, long nanosOfSecond, string layout)
    {
        layout = Resolve(layout);
        var sb = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            if (TryFraction(layout, i, out var fracLen, out var trim))
            {
                var digits = nanosOfSecond.ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(9, fracLen)];
                if (trim)
                {
                    digits = digits.TrimEnd('0');
                }
                if (digits.Length > 0)
                {
                    sb.Append('.').Append(digits);
                }
                i += fracLen + 1;
                continue;
            }
            var token = Tokens.FirstOrDefault(tk => string.CompareOrdinal(layout, i, tk, 0, tk.Length) == 0);
            if (token is null)
            {
                sb.Append(layout[i++]);
                continue;
            }
            sb.Append(FormatToken(t, token));
            i += token.Length;
        }
        return sb.ToString();
    }

    private static bool TryFraction(string layout, int i, out int length, out bool trim)
    {
        length = 0;
        trim = false;
        if (layout[i] is not ('.' or ',') || i + 1 >= layout.Length || layout[i + 1] is not ('0' or '9'))
        {
            return false;
        }
        var c = layout[i + 1];
        var j = i + 1;
        while (j < layout.Length && layout[j] == c)
        {
            j++;
        }
        if (j < layout.Length && char.IsAsciiDigit(layout[j]))
        {
            return false;
        }
        length = j - i - 1;
        trim = c == '9';
        return true;
    }

    private static string FormatToken(DateTimeOffset t, string token)
    {
        var inv = CultureInfo.InvariantCulture;
        var off = t.Offset;
        string Offset(bool colon, bool z, bool hoursOnly)
        {
            if (z && off == TimeSpan.Zero)
            {
                return "Z";
            }
            var sign = off < TimeSpan.Zero ? "-" : "+";
            var a = off.Duration();
            return hoursOnly ? $"{sign}{a.Hours:D2}" : colon ? $"{sign}{a.Hours:D2}:{a.Minutes:D2}" : $"{sign}{a.Hours:D2}{a.Minutes:D2}";
        }
        return token switch
        {
            "2006" => t.Year.ToString("D4", inv),
            "06" => (t.Year % 100).ToString("D2", inv),
            "01" => t.Month.ToString("D2", inv),
            "1" => t.Month.ToString(inv),
            "Jan" => inv.DateTimeFormat.GetAbbreviatedMonthName(t.Month),
            "January" => inv.DateTimeFormat.GetMonthName(t.Month),
            "02" => t.Day.ToString("D2", inv),
            "2" => t.Day.ToString(inv),
            "_2" => t.Day.ToString(inv).PadLeft(2),
            "002" => t.DayOfYear.ToString("D3", inv),
            "15" => t.Hour.ToString("D2", inv),
            "03" => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString("D2", inv),
            "3" => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString(inv),
            "04" => t.Minute.ToString("D2", inv),
            "4" => t.Minute.ToString(inv),
            "05" => t.Second.ToString("D2", inv),
            "5" => t.Second.ToString(inv),
            "PM" => t.Hour >= 12 ? "PM" : "AM",
            "pm" => t.Hour >= 12 ? "pm" : "am",
            "Mon" => inv.DateTimeFormat.GetAbbreviatedDayName(t.DayOfWeek),
            "Monday" => inv.DateTimeFormat.GetDayName(t.DayOfWeek),
            "MST" => off == TimeSpan.Zero ? "UTC" : Offset(false, false, false),
            "-0700" => Offset(false, false, false),
            "-07:00" => Offset(true, false, false),
            "-07" => Offset(false, false, true),
            "Z0700" => Offset(false, true, false),
            "Z07:00" => Offset(true, true, false),
            _ => token,
        };
    }

    /// <summary>Parses a value with a Go layout into a UTC instant and nanoseconds of the second.</summary>
    public static (DateTimeOffset Time, long Nanos)? Parse(string layout, string value)
    {
        var (regex, groups) = Compile(layout);
        var m = regex.Match(value);
        if (!m.Success)
        {
            return null;
        }
        int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        var pm = (bool?)null;
        var offset = TimeSpan.Zero;
        for (var g = 0; g < groups.Length; g++)
        {
            var text = m.Groups["g" + g].Value;
            var inv = CultureInfo.InvariantCulture;
            switch (groups[g])
            {
                case "2006": year = int.Parse(text, inv); break;
                case "06": year = 2000 + int.Parse(text, inv) is var y && y > 2068 ? y - 100 : 2000 + int.Parse(text, inv); break;
                case "01" or "1": month = int.Parse(text, inv); break;
                case "Jan": month = Array.IndexOf(inv.DateTimeFormat.AbbreviatedMonthNames, text) + 1; break;
                case "January": month = Array.IndexOf(inv.DateTimeFormat.MonthNames, text) + 1; break;
                case "02" or "2" or "_2": day = int.Parse(text.Trim(), inv); break;
                case "15" or "03" or "3": hour = int.Parse(text, inv); break;
                case "04" or "4": minute = int.Parse(text, inv); break;
                case "05" or "5": second = int.Parse(text, inv); break;
                case "PM" or "pm": pm = text is "PM" or "pm"; break;
                case "Z07:00" or "Z0700" or "-07:00" or "-0700" or "-07":
                    if (text != "Z")
                    {
                        var sign = text[0] == '-' ? -1 : 1;
                        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
                        var h = int.Parse(digits[..2], inv);
                        var mm = digits.Length >= 4 ? int.Parse(digits[2..4], inv) : 0;
                        offset = sign * new TimeSpan(h, mm, 0);
                    }
                    break;
            }
        }
        if (pm is { } isPm)
        {
            hour = (hour % 12) + (isPm ? 12 : 0);
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }
        long nanos = 0;
        if (m.Groups["frac"].Success)
        {
            var f = m.Groups["frac"].Value;
            nanos = long.Parse(f.Length > 9 ? f[..9] : f.PadRight(9, '0'), CultureInfo.InvariantCulture);
        }
        var t = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        return (t, nanos);
    }

    /// <summary>
    /// The pattern of a layout and the token each of its groups reads; built once per layout
    /// (a policy parses the same RFC 3339 layout several times per decision), for at most
    /// <see cref="MaxCompiled"/> layouts, since a layout may come from a policy's input.
    /// </summary>
    private static (Regex Pattern, string[] Groups) Compile(string layout)
    {
        if (Compiled.TryGetValue(layout, out var known))
        {
            return known;
        }
        if (Compiled.Count >= MaxCompiled)
        {
            return Build(Resolve(layout), RegexOptions.None);
        }
        // Kept: compiled to IL once, as it is matched several times per decision.
        var compiled = Build(Resolve(layout), RegexOptions.Compiled);
        Compiled.TryAdd(layout, compiled);
        return compiled;
    }

    private static (Regex Pattern, string[] Groups) Build(string layout, RegexOptions options)
    {
        var pattern = new StringBuilder("^");
        var groups = new List<string>();
        var i = 0;
        while (i < layout.Length)
        {
            if (TryFraction(layout, i, out var fracLen, out var trim))
            {
                pattern.Append(trim ? @"(?:[.,](?<frac>\d+))?" : $@"[.,](?<frac>\d{{{fracLen}}})");
                i += fracLen + 1;
                continue;
            }
            var token = Tokens.FirstOrDefault(tk => string.CompareOrdinal(layout, i, tk, 0, tk.Length) == 0);
            if (token is null)
            {
                pattern.Append(Regex.Escape(layout[i].ToString()));
                i++;
                // Go accepts a fractional second after seconds even when the layout has none.
                continue;
            }
            var name = "g" + groups.Count;
            groups.Add(token);
            pattern.Append($"(?<{name}>").Append(TokenPattern(token)).Append(')');
            if (token is "05" or "5" && !(i + token.Length < layout.Length && layout[i + token.Length] is '.' or ','))
            {
                pattern.Append(@"(?:[.,](?<frac>\d+))?");
            }
            i += token.Length;
        }
        pattern.Append('$');
        return (new Regex(pattern.ToString(), RegexOptions.CultureInvariant | options), [.. groups]);
    }

    private static string TokenPattern(string token) => token switch
    {
        "2006" => @"\d{4}",
        "06" or "01" or "02" or "15" or "03" or "04" or "05" => @"\d{2}",
        "1" or "2" or "3" or "4" or "5" => @"\d{1,2}",
        "_2" => @"[ \d]\d",
        "002" => @"\d{3}",
        "Jan" or "Mon" => "[A-Za-z]{3}",
        "January" or "Monday" => "[A-Za-z]+",
        "PM" or "pm" => "[AaPp][Mm]",
        "MST" => "[A-Z]{3,4}|[+-]\\d{4}",
        "Z07:00" => @"Z|[+-]\d{2}:\d{2}",
        "Z0700" => @"Z|[+-]\d{4}",
        "-07:00" => @"[+-]\d{2}:\d{2}",
        "-0700" => @"[+-]\d{4}",
        "-07" => @"[+-]\d{2}",
        _ => Regex.Escape(token),
    };
}
