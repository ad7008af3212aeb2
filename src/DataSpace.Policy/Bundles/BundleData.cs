using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Policy;

/// <summary>
/// Merges <c>data.json</c> files into one base document, each at the path of its folder
/// (<c>a/b/data.json</c> → <c>data.a.b</c>), as OPA's bundle loader does.
/// </summary>
internal static class BundleData
{
    public static JsonObject Merge(IEnumerable<BundleFile> dataFiles, BundleManifest manifest)
    {
        var root = new JsonObject();
        foreach (var file in dataFiles)
        {
            var folder = file.Name.Contains('/') ? file.Name[..file.Name.LastIndexOf('/')] : string.Empty;
            var segments = folder.Length == 0 ? [] : folder.Split('/');
            var value = Parse(file);
            if (segments.Length == 0 && value is not JsonObject)
            {
                throw new PolicyLoadException(PolicyProblem.BundleError, "the root data.json must hold a JSON object.", file.Name);
            }
            foreach (var path in OwnedPaths(folder, value))
            {
                if (!manifest.Owns(path))
                {
                    throw new PolicyLoadException(PolicyProblem.BundleError, $"data path '{path}' is outside the manifest's roots.", file.Name);
                }
            }
            var parent = root;
            foreach (var segment in segments.SkipLast(1))
            {
                parent = parent[segment] switch
                {
                    null => (JsonObject)(parent[segment] = new JsonObject()),
                    JsonObject o => o,
                    _ => throw Conflict(file, segment),
                };
            }
            if (segments.Length == 0)
            {
                MergeInto(root, (JsonObject)value!, file);
            }
            else if (parent[segments[^1]] is JsonObject existing && value is JsonObject incoming)
            {
                MergeInto(existing, incoming, file);
            }
            else if (parent.ContainsKey(segments[^1]))
            {
                throw Conflict(file, segments[^1]);
            }
            else
            {
                parent[segments[^1]] = value;
            }
        }
        return root;
    }

    /// <summary>Merges a further data document (e.g. <c>--data file.json</c>) into <paramref name="target"/>; overlapping values are a conflict.</summary>
    public static void MergeDocument(JsonObject target, JsonObject source, string origin) =>
        MergeInto(target, source, new BundleFile(origin, ReadOnlyMemory<byte>.Empty));

    // The paths a data file writes: its folder, or for the root file each top-level key.
    private static IEnumerable<string> OwnedPaths(string folder, JsonNode? value) =>
        folder.Length > 0 ? [folder] : ((JsonObject)value!).Select(p => p.Key);

    private static void MergeInto(JsonObject target, JsonObject source, BundleFile file)
    {
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            if (target[key] is JsonObject a && value is JsonObject b)
            {
                MergeInto(a, b, file);
            }
            else if (target.ContainsKey(key))
            {
                throw Conflict(file, key);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static JsonNode? Parse(BundleFile file)
    {
        try
        {
            return JsonNode.Parse(file.Content.Span, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 1000 });
        }
        catch (JsonException e)
        {
            throw new PolicyLoadException(PolicyProblem.BundleError, $"not valid JSON: {e.Message}", file.Name, e);
        }
    }

    private static PolicyLoadException Conflict(BundleFile file, string key) =>
        new(PolicyProblem.BundleError, $"its data conflicts with another data.json at '{key}'.", file.Name);
}
