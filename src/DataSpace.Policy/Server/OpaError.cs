using System.Text.Json.Nodes;

namespace DataSpace.Policy.Server;

/// <summary>
/// An error as OPA's REST API answers it: an HTTP status and <c>{"code", "message", "errors"?}</c>,
/// with OPA's codes (<c>invalid_parameter</c>, <c>resource_not_found</c>, <c>internal_error</c>, …).
/// </summary>
internal sealed record OpaError(int Status, string Code, string Message, IReadOnlyList<JsonObject>? Errors = null)
{
    public const string InvalidParameter = "invalid_parameter";
    public const string ResourceNotFound = "resource_not_found";
    public const string Internal = "internal_error";

    public static OpaError BadRequest(string message, IReadOnlyList<JsonObject>? errors = null) => new(400, InvalidParameter, message, errors);

    public static OpaError NotFound(string message) => new(404, ResourceNotFound, message);

    public static OpaError FromProblems(string message, IEnumerable<PolicyProblem> problems) =>
        BadRequest(message, problems.Select(p => Detail(p.Code, p.Message, p.File, p.Line, p.Column)).ToList());

    public static JsonObject Detail(string code, string message, string? file, int line, int column)
    {
        var detail = new JsonObject { ["code"] = code, ["message"] = message };
        if (file is not null)
        {
            detail["location"] = new JsonObject { ["file"] = file, ["row"] = line, ["col"] = column };
        }
        return detail;
    }

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Errors is { Count: > 0 })
        {
            body["errors"] = new JsonArray(Errors.Select(e => (JsonNode)e.DeepClone()).ToArray());
        }
        return body;
    }
}
