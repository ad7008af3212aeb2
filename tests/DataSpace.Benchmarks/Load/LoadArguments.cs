using System.Globalization;

namespace DataSpace.Benchmarks.Load;

/// <summary>The <c>--name value</c> pairs a load command is given.</summary>
internal sealed class LoadArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private LoadArguments(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
    }

    public static LoadArguments Parse(string[] args) => new(args);

    public string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");

    public Uri RequiredBaseUri(string name) => new(Required(name).TrimEnd('/') + "/");

    public string Optional(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public double Number(string name, double fallback) =>
        values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
