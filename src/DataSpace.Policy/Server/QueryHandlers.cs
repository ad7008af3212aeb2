using System.Text.Json.Nodes;
using DataSpace.Rego;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Policy.Server;

/// <summary>
/// <c>/v1/query</c>: an ad-hoc query (<c>POST {"query", "input"}</c> or <c>GET ?q=</c>) answering
/// <c>{"result": [bindings…]}</c>, one object of variable bindings per solution, or <c>{}</c> when
/// there is none (OPA omits the empty result).
/// </summary>
internal sealed class QueryHandlers(PolicyStore store)
{
    public IResult Get(HttpRequest request) =>
        request.Query.TryGetValue("q", out var q) && q.Count > 0 && !string.IsNullOrWhiteSpace(q[0])
            ? Run(q[0]!, null, request)
            : OpaHttp.Error(OpaError.BadRequest("missing parameter 'q'"));

    public async Task<IResult> Post(HttpRequest request)
    {
        var (body, _, error) = await OpaHttp.ReadJsonAsync(request);
        if (error is not null)
        {
            return OpaHttp.Error(error);
        }
        if (body is not JsonObject { } query || query["query"] is not JsonValue text || text.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return OpaHttp.Error(OpaError.BadRequest("body must be a JSON object with a string member \"query\""));
        }
        var input = query.TryGetPropertyValue("input", out var node) ? RegoValue.FromJsonNode(node) : null;
        return Run(text.GetValue<string>(), input, request);
    }

    private IResult Run(string query, RegoValue? input, HttpRequest request)
    {
        try
        {
            var result = store.Current.Engine.Evaluate(query, input, OpaHttp.Options(request));
            var answer = new JsonObject();
            if (!result.IsUndefined)
            {
                answer["result"] = new JsonArray(result.Solutions.Select(Bindings).ToArray());
            }
            return OpaHttp.Json(answer, pretty: OpaHttp.Flag(request, "pretty"));
        }
        catch (RegoCompileException e)
        {
            var message = e.Diagnostics.Any(d => d.Code == "rego_parse_error")
                ? "error(s) occurred while parsing query"
                : "error(s) occurred while compiling query";
            return OpaHttp.Error(OpaError.FromProblems(message, e.Diagnostics.Select(RegoCompilation.ToProblem)));
        }
        catch (RegoException e)
        {
            return OpaHttp.Error(OpaHttp.EvaluationError(e));
        }
    }

    private static JsonNode Bindings(IReadOnlyDictionary<string, RegoValue> solution)
    {
        var bindings = new JsonObject();
        foreach (var (name, value) in solution.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            bindings[name] = value.ToJsonNode();
        }
        return bindings;
    }
}
