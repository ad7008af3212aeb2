namespace DataSpace.Benchmarks.Load;

/// <summary>The settings of a negotiation load run, from <c>--name value</c> pairs.</summary>
/// <param name="Watch">Other processes whose CPU time the run reports per negotiation, by name (<c>--watch broker=PID,provider=PID</c>).</param>
internal sealed record LoadOptions(Uri Broker, string OperatorTokenFile, string ProviderKeyFile, Uri Provider, string ProviderApiTokenFile, int Clients, TimeSpan Duration, TimeSpan Warmup,
    IReadOnlyList<(string Name, int ProcessId)> Watch)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
        return new LoadOptions(
            new Uri(Get("broker").TrimEnd('/') + "/"),
            Get("operator-token"),
            Get("provider-key"),
            new Uri(Get("provider").TrimEnd('/') + "/"),
            Get("provider-api-token"),
            int.Parse(values.GetValueOrDefault("clients", "16"), System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("seconds", "20"), System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("warmup", "3"), System.Globalization.CultureInfo.InvariantCulture)),
            [.. values.GetValueOrDefault("watch", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseWatch)]);
    }

    private static (string Name, int ProcessId) ParseWatch(string item)
    {
        var parts = item.Split('=', 2);
        return parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid)
            ? (parts[0], pid)
            : throw new ArgumentException($"--watch takes name=PID pairs separated by commas, not '{item}'.");
    }
}
