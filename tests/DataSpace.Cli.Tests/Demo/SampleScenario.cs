using System.Text.Json.Nodes;
using DataSpace.Testing;

namespace DataSpace.Cli.Tests.Demo;

/// <summary>A copy of the repository's samples/ to change: a test edits its scenario.json and runs the demo on it.</summary>
internal sealed class SampleScenario : IDisposable
{
    private readonly TempDirectory _temp = new();

    public SampleScenario()
    {
        var source = Path.Combine(RepositoryPaths.RepositoryRoot, "samples");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        Scenario = JsonNode.Parse(File.ReadAllText(ScenarioFile))!.AsObject();
    }

    public string Directory => _temp.File("samples");

    public string ScenarioFile => Path.Combine(Directory, "scenario.json");

    public static string Policies => Path.Combine(RepositoryPaths.RepositoryRoot, "policies");

    /// <summary>The scenario as parsed; <see cref="Save"/> writes it back.</summary>
    public JsonObject Scenario { get; }

    public JsonArray Steps => Scenario["steps"]!.AsArray();

    /// <summary>The step whose title starts with <paramref name="title"/>.</summary>
    public JsonObject Step(string title) => Steps.Select(s => s!.AsObject()).Single(s => s["title"]!.GetValue<string>().StartsWith(title, StringComparison.Ordinal));

    /// <summary>The action of <paramref name="who"/> doing <paramref name="kind"/> with <paramref name="offer"/> in any step.</summary>
    public JsonObject Action(string who, string kind, string offer) => Steps
        .SelectMany(s => s!["actions"]!.AsArray())
        .Select(a => a!.AsObject())
        .Single(a => a["who"]?.GetValue<string>() == who && a["do"]!.GetValue<string>() == kind && a["offer"]?.GetValue<string>() == offer);

    public string Save()
    {
        File.WriteAllText(ScenarioFile, Scenario.ToJsonString());
        return ScenarioFile;
    }

    public void Dispose() => _temp.Dispose();
}
