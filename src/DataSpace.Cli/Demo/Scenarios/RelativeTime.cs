using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataSpace.Core;

namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>
/// Times in the samples are relative to the moment an action runs, so the story works on any day:
/// <c>now</c>, <c>now+30d</c>, <c>now-1h</c>, <c>now+8s</c> (units s, m, h, d). Before a document is sent,
/// every such string becomes a timestamp as signed documents spell it (<see cref="Timestamps"/>);
/// absolute timestamps are sent unchanged.
/// </summary>
internal static partial class RelativeTime
{
    /// <summary>True for <c>now</c> or <c>now±N{s|m|h|d}</c>.</summary>
    public static bool IsRelative(string text) => Pattern().IsMatch(text);

    /// <summary>True for a relative time or an absolute one in the <see cref="Timestamps"/> form.</summary>
    public static bool IsTime(string text) => IsRelative(text) || Timestamps.TryParse(text, out _);

    /// <summary>The instant <paramref name="text"/> names at <paramref name="now"/>.</summary>
    public static DateTimeOffset Resolve(string text, DateTimeOffset now)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return Timestamps.TryParse(text, out var absolute) ? absolute : throw new FormatException($"\"{text}\" is not a time.");
        }
        if (!match.Groups["n"].Success)
        {
            return now;
        }
        var offset = Duration(match.Groups["n"].Value, match.Groups["unit"].Value);
        return match.Groups["sign"].Value == "-" ? now - offset : now + offset;
    }

    /// <summary>A duration such as <c>40s</c>, <c>5m</c> (the same units).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        var match = DurationPattern().Match(text);
        duration = match.Success ? Duration(match.Groups["n"].Value, match.Groups["unit"].Value) : default;
        return match.Success;
    }

    /// <summary>A copy of <paramref name="node"/> with every relative time replaced by the timestamp it names at <paramref name="now"/>.</summary>
    public static JsonNode? ResolveAll(JsonNode? node, DateTimeOffset now) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, ResolveAll(p.Value, now)))),
        JsonArray a => new JsonArray([.. a.Select(i => ResolveAll(i, now))]),
        JsonValue v when v.TryGetValue<string>(out var text) && IsRelative(text) => JsonValue.Create(Timestamps.Format(Resolve(text, now))),
        _ => node?.DeepClone(),
    };

    private static TimeSpan Duration(string number, string unit)
    {
        var n = int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
        return unit switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
    }

    [GeneratedRegex(@"^now(?:(?<sign>[+-])(?<n>[0-9]{1,6})(?<unit>[smhd]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<n>[0-9]{1,6})(?<unit>[smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
