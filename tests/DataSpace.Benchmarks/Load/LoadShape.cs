using System.Globalization;

namespace DataSpace.Benchmarks.Load;

/// <summary>How a closed-loop load runs: how many clients, how long, after what warm-up, and whose CPU time it reports.</summary>
/// <param name="Watch">Other processes whose CPU time the run reports per operation, by name (<c>--watch broker=PID,provider=PID</c>).</param>
internal sealed record LoadShape(int Clients, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<(string Name, int ProcessId)> Watch)
{
    public static LoadShape From(LoadArguments arguments) => new(
        (int)arguments.Number("clients", 16),
        TimeSpan.FromSeconds(arguments.Number("seconds", 20)),
        TimeSpan.FromSeconds(arguments.Number("warmup", 3)),
        [.. arguments.Optional("watch", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseWatch)]);

    private static (string Name, int ProcessId) ParseWatch(string item)
    {
        var parts = item.Split('=', 2);
        return parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
            ? (parts[0], pid)
            : throw new ArgumentException($"--watch takes name=PID pairs separated by commas, not '{item}'.");
    }
}
