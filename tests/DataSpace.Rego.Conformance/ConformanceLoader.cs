using System.Text.Json.Nodes;

namespace DataSpace.Rego.Conformance;

/// <summary>Reads the suite in place from the shared folder, with the tier of each directory from <c>index.tsv</c>.</summary>
internal static class ConformanceLoader
{
    public static string Root => DataSpace.Testing.RepositoryPaths.ConformanceFile("opa");

    public static IReadOnlyDictionary<string, int> Tiers()
    {
        var tiers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Root, "index.tsv")))
        {
            var cols = line.Split('\t');
            if (cols.Length > 2 && int.TryParse(cols[0], out var tier))
            {
                tiers[cols[1]] = tier;
            }
        }
        return tiers;
    }

    public static List<ConformanceCase> Load()
    {
        var v1 = Path.Combine(Root, "v1");
        var cases = new List<ConformanceCase>();
        foreach (var file in Directory.EnumerateFiles(v1, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(v1, file).Replace('\\', '/');
            var dir = rel[..rel.IndexOf('/')];
            var doc = JsonNode.Parse(File.ReadAllText(file))!;
            var index = 0;
            foreach (var c in doc["cases"]!.AsArray())
            {
                cases.Add(new ConformanceCase(
                    $"{rel}#{index++}",
                    dir,
                    (string)c!["note"]!,
                    (string)c["query"]!,
                    c["modules"]?.AsArray().Select(m => (string)m!).ToList() ?? [],
                    c["data"],
                    c["input"],
                    (string?)c["input_term"],
                    c["want_result"]?.AsArray(),
                    (bool?)c["sort_bindings"] ?? false,
                    (string?)c["want_error_code"],
                    (string?)c["want_error"],
                    (bool?)c["strict_error"] ?? false));
            }
        }
        return cases;
    }
}
