using System.Numerics;
using System.Text.RegularExpressions;

namespace DataSpace.Rego.Builtins;

/// <summary><c>time.*</c>: instants are nanoseconds since the Unix epoch (int64, as in Go).</summary>
internal static partial class TimeBuiltins
{
    private static readonly BigInteger NanosPerSecond = 1_000_000_000;

    public static void Register(Registrar r)
    {
        r.Add("time.now_ns", 0, (_, ctx) => RegoNumber.Of((BigInteger)(ctx.Now.ToUnixTimeMilliseconds()) * 1_000_000 + (ctx.Now.Ticks % TimeSpan.TicksPerMillisecond) * 100));
        r.Add("time.parse_rfc3339_ns", 1, a => ToNs(ParseRfc3339(Args.String(a, 0, "time.parse_rfc3339_ns"))
            ?? throw Args.Error("time.parse_rfc3339_ns", $"parsing time \"{Args.String(a, 0, "time.parse_rfc3339_ns")}\" as \"2006-01-02T15:04:05Z07:00\": cannot parse")));
        r.Add("time.parse_ns", 2, a => ToNs(GoTimeLayout.Parse(Args.String(a, 0, "time.parse_ns"), Args.String(a, 1, "time.parse_ns"))
            ?? throw Args.Error("time.parse_ns", $"parsing time \"{Args.String(a, 1, "time.parse_ns")}\": cannot parse")));
        r.Add("time.parse_duration_ns", 1, a => RegoNumber.Of(ParseDuration(Args.String(a, 0, "time.parse_duration_ns"))));
        r.Add("time.date", 1, a =>
        {
            var (t, _) = Instant(a, "time.date");
            return new RegoArray([RegoNumber.Of(t.Year), RegoNumber.Of(t.Month), RegoNumber.Of(t.Day)]);
        });
        r.Add("time.clock", 1, a =>
        {
            var (t, _) = Instant(a, "time.clock");
            return new RegoArray([RegoNumber.Of(t.Hour), RegoNumber.Of(t.Minute), RegoNumber.Of(t.Second)]);
        });
        r.Add("time.weekday", 1, a => new RegoString(Instant(a, "time.weekday").Time.DayOfWeek.ToString()));
        r.Add("time.add_date", 4, a =>
        {
            var (t, nanos) = Instant(a, "time.add_date");
            var shifted = t.AddYears(Args.Int32(a, 1, "time.add_date")).AddMonths(Args.Int32(a, 2, "time.add_date")).AddDays(Args.Int32(a, 3, "time.add_date"));
            return ToNs((shifted, nanos));
        });
        r.Add("time.diff", 2, Diff);
        r.Add("time.format", 1, a =>
        {
            var (t, nanos) = Instant(a, "time.format");
            var layout = a[0] is RegoArray { Count: 3 } arr && arr[2] is RegoString l ? l.Value : "RFC3339Nano";
            return new RegoString(GoTimeLayout.Format(t, nanos, layout));
        });
    }

    private static (DateTimeOffset Time, long Nanos)? ParseRfc3339(string text) =>
        Rfc3339Plain.TryParse(text, out var plain) ? plain : GoTimeLayout.Parse("RFC3339", text);

    private static RegoNumber ToNs((DateTimeOffset Time, long Nanos) v)
    {
        // 128 bits hold any DateTimeOffset in nanoseconds; only the 64-bit range is a valid Go time.
        var ns = ((Int128)v.Time.ToUnixTimeSeconds() * 1_000_000_000) + v.Nanos;
        if (ns > long.MaxValue || ns < long.MinValue)
        {
            throw new BuiltinException(Evaluation.ErrorCodes.Builtin, "time outside of valid range");
        }
        return RegoNumber.Of((long)ns);
    }

    /// <summary>Reads <c>ns</c> or <c>[ns, tz]</c> or <c>[ns, tz, layout]</c> into a local time and nanoseconds of the second.</summary>
    private static (DateTimeOffset Time, long Nanos) Instant(RegoValue[] a, string fn)
    {
        RegoValue nsValue = a[0];
        string tz = "UTC";
        if (a[0] is RegoArray arr)
        {
            if (arr.Count is < 2 or > 3)
            {
                throw Args.Error(fn, "array must have 2 or 3 elements");
            }
            nsValue = arr[0];
            tz = arr[1] is RegoString s ? s.Value : throw Args.TypeError(fn, 0, "string", arr[1]);
        }
        if (nsValue is not RegoNumber n)
        {
            throw Args.TypeError(fn, 0, "one of {number, array}", nsValue);
        }
        var floor = n.Floor();
        if (!floor.TryGetInteger(out var ns) || ns > long.MaxValue || ns < long.MinValue)
        {
            throw Args.Error(fn, "timestamp too big");
        }
        var seconds = BigInteger.DivRem(ns, NanosPerSecond, out var rem);
        if (rem < 0)
        {
            seconds -= 1;
            rem += NanosPerSecond;
        }
        var utc = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        var zone = tz is "" or "UTC" ? TimeZoneInfo.Utc : tz == "Local" ? TimeZoneInfo.Local : FindZone(tz, fn);
        return (TimeZoneInfo.ConvertTime(utc, zone), (long)rem);
    }

    private static TimeZoneInfo FindZone(string tz, string fn)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(tz);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Args.Error(fn, $"unknown time zone {tz}");
        }
    }

    private static BigInteger ParseDuration(string s)
    {
        var m = DurationPattern().Match(s);
        if (!m.Success || s.Length == 0 || s is "+" or "-")
        {
            throw Args.Error("time.parse_duration_ns", $"time: invalid duration \"{s}\"");
        }
        if (s is "0" or "+0" or "-0")
        {
            return BigInteger.Zero;
        }
        var total = RegoNumber.Zero;
        foreach (Capture c in m.Groups["part"].Captures)
        {
            var pm = PartPattern().Match(c.Value);
            var unit = pm.Groups[2].Value switch
            {
                "ns" => 1L,
                "us" or "µs" or "μs" => 1_000L,
                "ms" => 1_000_000L,
                "s" => 1_000_000_000L,
                "m" => 60_000_000_000L,
                _ => 3_600_000_000_000L,
            };
            total = RegoNumber.Add(total, RegoNumber.Multiply(RegoNumber.Parse(pm.Groups[1].Value)!, RegoNumber.Of(unit)));
        }
        total.Floor().TryGetInteger(out var ns);
        return m.Groups["sign"].Value == "-" ? -ns : ns;
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<part>(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)$")]
    private static partial Regex PartPattern();

    /// <summary>Calendar difference as OPA computes it: [years, months, days, hours, minutes, seconds].</summary>
    private static RegoValue Diff(RegoValue[] a)
    {
        var (t1, _) = Instant([a[0]], "time.diff");
        var (t2, _) = Instant([a[1]], "time.diff");
        var x = t1.UtcDateTime;
        var y = t2.UtcDateTime;
        if (x > y)
        {
            (x, y) = (y, x);
        }
        int year = y.Year - x.Year, month = y.Month - x.Month, day = y.Day - x.Day;
        int hour = y.Hour - x.Hour, min = y.Minute - x.Minute, sec = y.Second - x.Second;
        if (sec < 0)
        {
            sec += 60;
            min--;
        }
        if (min < 0)
        {
            min += 60;
            hour--;
        }
        if (hour < 0)
        {
            hour += 24;
            day--;
        }
        if (day < 0)
        {
            day += DateTime.DaysInMonth(x.Year, x.Month);
            month--;
        }
        if (month < 0)
        {
            month += 12;
            year--;
        }
        return new RegoArray([RegoNumber.Of(year), RegoNumber.Of(month), RegoNumber.Of(day), RegoNumber.Of(hour), RegoNumber.Of(min), RegoNumber.Of(sec)]);
    }
}
