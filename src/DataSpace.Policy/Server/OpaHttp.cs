using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Rego;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Policy.Server;

/// <summary>Reading requests and writing answers the way OPA's server does.</summary>
internal static class OpaHttp
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static IResult Json(JsonNode body, int status = 200, bool pretty = false) =>
        Results.Text(body.ToJsonString(pretty ? Pretty : Compact) + "\n", "application/json", Encoding.UTF8, status);

    public static IResult Error(OpaError error) => Json(error.ToJson(), error.Status, pretty: true);

    public static bool Flag(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 && (values[0] is "" or "true");

    public static RegoEvaluationOptions Options(HttpRequest request) => new()
    {
        StrictBuiltinErrors = Flag(request, "strict-builtin-errors"),
        CancellationToken = request.HttpContext.RequestAborted,
    };

    /// <summary>Reads the body as JSON; an empty body is <c>(true, null)</c>.</summary>
    public static async Task<(JsonNode? Body, bool Present, OpaError? Error)> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false, null);
        }
        try
        {
            return (JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 1000 }), true, null);
        }
        catch (JsonException e)
        {
            return (null, false, OpaError.BadRequest($"body contains malformed input: {e.Message}"));
        }
    }

    /// <summary>The URL's path segments, unescaped (<c>a/b%2Fc</c> → <c>["a", "b/c"]</c>).</summary>
    public static DecisionPath PathOf(string? path) =>
        DecisionPath.FromSegments(string.IsNullOrEmpty(path) ? [] : path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList());

    public static OpaError EvaluationError(RegoException e) =>
        new(500, OpaError.Internal, "error(s) occurred while evaluating query",
            [OpaError.Detail(e.Code, e.Detail, e.Location?.File, e.Location?.Line ?? 0, e.Location?.Column ?? 0)]);
}
