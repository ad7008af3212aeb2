using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Demo;

/// <summary>
/// Finds the repository's <c>samples/scenario.json</c> and <c>policies/</c> when no option names them:
/// upwards from the current directory, then from the program's own directory (so
/// <c>dotnet run --project src/DataSpace.Cli -- demo</c> works from anywhere in the clone).
/// </summary>
internal static class DemoPaths
{
    public static string Scenario(string? given) =>
        given ?? Find(Path.Combine("samples", "scenario.json"), File.Exists)
        ?? throw CliException.Input("cannot find samples/scenario.json.", "run the demo inside the repository, or pass --scenario FILE.");

    /// <summary>The policy directory: given, else the one beside the scenario's folder, else found upwards.</summary>
    public static string Policies(string? given, string scenario)
    {
        if (given is not null)
        {
            return Directory.Exists(given) || File.Exists(given) ? Path.GetFullPath(given)
                : throw CliException.Input($"there is no policy directory or bundle {given}.", "pass the repository's policies/ directory.");
        }
        var beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenario))!, "..", "policies"));
        return IsPolicyDirectory(beside) ? beside
            : Find("policies", IsPolicyDirectory) ?? throw CliException.Input("cannot find the policies/ directory.", "run the demo inside the repository, or pass --policies DIR.");
    }

    private static bool IsPolicyDirectory(string path) => Directory.Exists(Path.Combine(path, "dataspace"));

    private static string? Find(string relative, Func<string, bool> exists)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
