using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Policy;

/// <summary>Reads OPA's error body, <c>{"code", "message", "errors": [{code, message, location}]}</c>.</summary>
internal static class OpaErrorText
{
    public static string Summarize(string body)
    {
        var error = TryParse(body);
        if (error is null)
        {
            return body.Length > 200 ? body[..200] + "…" : body.Length == 0 ? "(empty body)" : body;
        }
        var details = Details(error).Select(e => e.ToString()).ToList();
        var head = $"{Text(error["code"])}: {Text(error["message"])}";
        return details.Count == 0 ? head : $"{head} ({string.Join("; ", details)})";
    }

    public static List<PolicyProblem> Problems(string body, string what, int status)
    {
        var error = TryParse(body);
        var problems = error is null ? [] : Details(error).ToList();
        if (problems.Count == 0)
        {
            problems.Add(new PolicyProblem(error is null ? "opa_error" : Text(error["code"]), $"OPA answered {status}: {Summarize(body)}", what, 0, 0));
        }
        return problems;
    }

    private static IEnumerable<PolicyProblem> Details(JsonObject error) =>
        (error["errors"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new PolicyProblem(
            Text(e["code"]),
            Text(e["message"]),
            e["location"]?["file"] is JsonValue f ? Text(f) : null,
            e["location"]?["row"] is JsonValue r && r.TryGetValue<int>(out var row) ? row : 0,
            e["location"]?["col"] is JsonValue c && c.TryGetValue<int>(out var col) ? col : 0));

    private static JsonObject? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString() ?? string.Empty;
}
