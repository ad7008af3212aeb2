using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Cli.Policy;

/// <summary>The JSON that <c>opa eval</c> prints: one entry per solution with its expressions and bindings.</summary>
internal static class EvalOutput
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="result">The solutions.</param>
    /// <param name="query">The query as the user wrote it.</param>
    /// <param name="capture">For a reference query, the variable holding its value; otherwise null, and the
    /// query's expressions print as one expression whose value is true (every expression of a solution held).</param>
    public static JsonObject Format(RegoQueryResult result, string query, string? capture)
    {
        var output = new JsonObject();
        if (result.IsUndefined)
        {
            return output;
        }
        var solutions = new JsonArray();
        foreach (var solution in result.Solutions)
        {
            var value = capture is not null && solution.TryGetValue(capture, out var captured) ? captured.ToJsonNode() : JsonValue.Create(true);
            var entry = new JsonObject
            {
                ["expressions"] = new JsonArray(new JsonObject
                {
                    ["value"] = value,
                    ["text"] = query.Trim(),
                    ["location"] = new JsonObject { ["row"] = 1, ["col"] = 1 },
                }),
            };
            var bindings = new JsonObject();
            foreach (var (name, bound) in solution.Where(s => s.Key != capture).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                bindings[name] = bound.ToJsonNode();
            }
            if (bindings.Count > 0)
            {
                entry["bindings"] = bindings;
            }
            solutions.Add(entry);
        }
        output["result"] = solutions;
        return output;
    }
}
