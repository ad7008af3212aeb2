using System.IO.Enumeration;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Policy;

/// <summary>
/// A bundle's <c>.manifest</c> as OPA defines it: <c>revision</c>, <c>roots</c>, <c>rego_version</c>
/// (0 or 1) and <c>file_rego_versions</c> (path or glob → 0 or 1), plus free-form <c>metadata</c>.
/// </summary>
/// <param name="Revision">The bundle's revision string, or null.</param>
/// <param name="Roots">The paths (<c>/</c>-separated) the bundle owns; <c>[""]</c> owns everything.</param>
/// <param name="RegoVersion">The Rego version of every module unless <paramref name="FileRegoVersions"/> says otherwise; null when not given.</param>
/// <param name="FileRegoVersions">Per-file versions, keyed by path or glob as written in the manifest.</param>
public sealed record BundleManifest(string? Revision, IReadOnlyList<string> Roots, RegoVersion? RegoVersion, IReadOnlyDictionary<string, RegoVersion> FileRegoVersions)
{
    /// <summary>The manifest of a bundle without <c>.manifest</c>.</summary>
    public static BundleManifest Empty { get; } = new(null, [string.Empty], null, new Dictionary<string, RegoVersion>());

    /// <summary>The version a module is written in: its <c>file_rego_versions</c> entry, else <c>rego_version</c>, else <paramref name="fallback"/>.</summary>
    public RegoVersion VersionOf(string file, RegoVersion fallback)
    {
        foreach (var (pattern, version) in FileRegoVersions)
        {
            var normalized = BundleFile.NormalizeName(pattern);
            if (normalized == file || FileSystemName.MatchesSimpleExpression(normalized, file, ignoreCase: false))
            {
                return version;
            }
        }
        return RegoVersion ?? fallback;
    }

    /// <summary>True when a <c>/</c>-separated path lies under one of <see cref="Roots"/>.</summary>
    public bool Owns(string path) =>
        Roots.Any(root => root.Length == 0 || path == root || path.StartsWith(root + "/", StringComparison.Ordinal));

    /// <exception cref="PolicyLoadException">Not JSON, or a member with the wrong type or value.</exception>
    internal static BundleManifest Parse(ReadOnlyMemory<byte> json)
    {
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(json.Span, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw Bad("it is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Bad($"it is not valid JSON: {e.Message}");
        }

        var revision = manifest["revision"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw Bad("\"revision\" must be a string"),
        };
        var roots = manifest["roots"] switch
        {
            null => [string.Empty],
            JsonArray a when a.All(r => r is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
                a.Select(r => r!.GetValue<string>().Trim('/')).ToList(),
            _ => throw Bad("\"roots\" must be an array of strings"),
        };
        RegoVersion? version = manifest["rego_version"] is null ? null : ParseVersion(manifest["rego_version"], "rego_version");
        var files = new Dictionary<string, RegoVersion>(StringComparer.Ordinal);
        if (manifest["file_rego_versions"] is { } perFile)
        {
            if (perFile is not JsonObject map)
            {
                throw Bad("\"file_rego_versions\" must be an object");
            }
            foreach (var (path, value) in map)
            {
                files[path] = ParseVersion(value, $"file_rego_versions[\"{path}\"]");
            }
        }
        return new BundleManifest(revision, roots, version, files);
    }

    private static RegoVersion ParseVersion(JsonNode? node, string member) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n is 0 or 1
            ? n == 0 ? Rego.RegoVersion.V0 : Rego.RegoVersion.V1
            : throw Bad($"\"{member}\" must be 0 or 1");

    private static PolicyLoadException Bad(string why) =>
        new(PolicyProblem.BundleError, $"the bundle manifest is not valid: {why}.", ".manifest");
}
