using System.Globalization;

namespace DataSpace.Core;

/// <summary>
/// Timestamps in signed documents: UTC, whole seconds, written <c>yyyy-MM-ddTHH:mm:ssZ</c>, so a
/// time has one spelling and survives a round trip through any JSON tool unchanged.
/// </summary>
public static class Timestamps
{
    /// <summary>The current time of <paramref name="clock"/> (system clock by default), to the second.</summary>
    public static DateTimeOffset Now(TimeProvider? clock = null) => TruncateToSeconds((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>Drops the fraction of a second and converts to UTC.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>Formats as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        TruncateToSeconds(time).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses exactly the <see cref="Format"/> form.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
