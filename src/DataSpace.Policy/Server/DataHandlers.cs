using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Rego;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Policy.Server;

/// <summary>
/// <c>/v1/data/{path}</c>: GET and POST evaluate the document (POST with <c>{"input": …}</c>), answering
/// <c>{"result": …}</c>, or <c>{}</c> when undefined; PUT, PATCH and DELETE change base data.
/// </summary>
internal sealed class DataHandlers(PolicyStore store)
{
    public IResult Get(string? path, HttpRequest request)
    {
        RegoValue? input = null;
        if (request.Query.TryGetValue("input", out var text) && text.Count > 0)
        {
            try
            {
                input = RegoValue.ParseJson(text[0]!);
            }
            catch (JsonException e)
            {
                return OpaHttp.Error(OpaError.BadRequest($"input parameter is not valid JSON: {e.Message}"));
            }
        }
        return Evaluate(path, input, request, warning: null);
    }

    public async Task<IResult> Post(string? path, HttpRequest request)
    {
        var (body, present, error) = await OpaHttp.ReadJsonAsync(request);
        if (error is not null)
        {
            return OpaHttp.Error(error);
        }
        if (present && body is not JsonObject)
        {
            return OpaHttp.Error(OpaError.BadRequest("body must be a JSON object with an \"input\" member"));
        }
        var envelope = (JsonObject?)body;
        var input = envelope is not null && envelope.TryGetPropertyValue("input", out var node) ? RegoValue.FromJsonNode(node) : null;
        var warning = present && !envelope!.ContainsKey("input")
            ? new JsonObject { ["code"] = "api_usage_warning", ["message"] = "'input' key missing from the request" }
            : null;
        return Evaluate(path, input, request, warning);
    }

    public async Task<IResult> Put(string? path, HttpRequest request)
    {
        var (body, present, error) = await OpaHttp.ReadJsonAsync(request);
        if (error is not null || !present)
        {
            return OpaHttp.Error(error ?? OpaError.BadRequest("body must hold the JSON document to store"));
        }
        var segments = OpaHttp.PathOf(path).Segments;
        if (request.Headers.IfNoneMatch == "*" && store.Current.Read(DecisionPath.FromSegments(segments), null, RegoEvaluationOptions.Default) is not null)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return NoContentOr(store.ChangeData(data => DataDocument.Put(data, segments, body)));
    }

    public async Task<IResult> Patch(string? path, HttpRequest request)
    {
        var (body, _, error) = await OpaHttp.ReadJsonAsync(request);
        if (error is not null)
        {
            return OpaHttp.Error(error);
        }
        var segments = OpaHttp.PathOf(path).Segments;
        return NoContentOr(store.ChangeData(data => DataDocument.Patch(data, segments, body)));
    }

    public IResult Delete(string? path) =>
        NoContentOr(store.ChangeData(data => DataDocument.Delete(data, OpaHttp.PathOf(path).Segments)));

    private IResult Evaluate(string? path, RegoValue? input, HttpRequest request, JsonObject? warning)
    {
        try
        {
            var value = store.Current.Read(OpaHttp.PathOf(path), input, OpaHttp.Options(request));
            var answer = new JsonObject();
            if (value is not null)
            {
                answer["result"] = value.ToJsonNode();
            }
            if (warning is not null)
            {
                answer["warning"] = warning;
            }
            return OpaHttp.Json(answer, pretty: OpaHttp.Flag(request, "pretty"));
        }
        catch (RegoCompileException e)
        {
            return OpaHttp.Error(OpaError.FromProblems("error(s) occurred while compiling query", e.Diagnostics.Select(RegoCompilation.ToProblem)));
        }
        catch (RegoException e)
        {
            return OpaHttp.Error(OpaHttp.EvaluationError(e));
        }
    }

    private static IResult NoContentOr(OpaError? error) => error is null ? Results.NoContent() : OpaHttp.Error(error);
}
