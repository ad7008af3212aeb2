using System.Text.Json;
using Json.Schema;

namespace DataSpace.Policy;

/// <summary>
/// The label schema, <c>docs/schemas/label.schema.json</c> (JSON Schema draft 2020-12), embedded in
/// this assembly at build time so there is one copy of it and nothing is read from disk at run time.
/// </summary>
internal static class LabelSchema
{
    private const string ResourceName = "DataSpace.Policy.Labels.label.schema.json";

    private static readonly Lazy<(JsonSchema Schema, JsonElement Document)> Loaded = new(Load);

    /// <summary>The compiled schema.</summary>
    public static JsonSchema Schema => Loaded.Value.Schema;

    /// <summary>The schema document itself, to read the values behind a failed keyword (the enum, the pattern).</summary>
    public static JsonElement Document => Loaded.Value.Document;

    /// <summary>
    /// The subschema that governs the instance member at <paramref name="pointer"/>, found by walking
    /// <c>properties</c> and <c>items</c>; null where the schema says nothing (an unknown member).
    /// The label schema has no <c>$ref</c> or combinators, so this walk is exact.
    /// </summary>
    public static JsonElement? At(string pointer)
    {
        var schema = Document;
        foreach (var segment in JsonPointerText.Segments(pointer))
        {
            if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var property))
            {
                schema = property;
            }
            else if (schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object && int.TryParse(segment, out _))
            {
                schema = items;
            }
            else
            {
                return null;
            }
        }
        return schema;
    }

    private static (JsonSchema, JsonElement) Load()
    {
        using var stream = typeof(LabelSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The label schema is not embedded as {ResourceName}: check DataSpace.Policy.csproj.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement.Clone();
        // A registry of our own: the schema has an $id, and the global registry refuses a second
        // schema under the same id (tests, or another copy loaded by a host).
        var schema = JsonSchema.Build(root, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return (schema, root);
    }
}
