using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Policy.Server;

/// <summary><c>/v1/policies</c>: list, get, put (compile or refuse) and delete modules by id.</summary>
internal sealed class PolicyHandlers(PolicyStore store)
{
    public IResult List(HttpRequest request) =>
        OpaHttp.Json(new JsonObject { ["result"] = new JsonArray(store.Policies.Select(p => (JsonNode)Policy(p.Key, p.Value)).ToArray()) }, pretty: OpaHttp.Flag(request, "pretty"));

    public IResult Get(string id, HttpRequest request) =>
        store.GetPolicy(id) is { } raw
            ? OpaHttp.Json(new JsonObject { ["result"] = Policy(id, raw) }, pretty: OpaHttp.Flag(request, "pretty"))
            : OpaHttp.Error(OpaError.NotFound($"storage_not_found_error: policy id \"{id}\""));

    public async Task<IResult> Put(string id, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var source = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return store.PutPolicy(id, source) is { } error ? OpaHttp.Error(error) : OpaHttp.Json(new JsonObject());
    }

    public IResult Delete(string id) =>
        store.DeletePolicy(id) is { } error ? OpaHttp.Error(error) : OpaHttp.Json(new JsonObject());

    // OPA also returns the module's AST; clients here only need id and source.
    private static JsonObject Policy(string id, string raw) => new() { ["id"] = id, ["raw"] = raw };
}
