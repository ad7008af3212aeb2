using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DataSpace.Policy.Server;

/// <summary>
/// OPA's REST API (v1) on the embedded engine, so clients written for OPA work unchanged:
/// policies, data (virtual and base documents), ad-hoc queries and health. Errors answer in OPA's
/// <c>{"code", "message"}</c> shape with OPA's status codes.
/// </summary>
internal static class OpaRestApi
{
    public static IEndpointRouteBuilder MapOpaRestApi(this IEndpointRouteBuilder routes, PolicyStore store)
    {
        var policies = new PolicyHandlers(store);
        var data = new DataHandlers(store);
        var query = new QueryHandlers(store);

        routes.MapGet("/v1/policies", policies.List);
        routes.MapGet("/v1/policies/{**id}", policies.Get);
        routes.MapPut("/v1/policies/{**id}", policies.Put);
        routes.MapDelete("/v1/policies/{**id}", policies.Delete);

        routes.MapGet("/v1/data/{**path}", data.Get);
        routes.MapPost("/v1/data/{**path}", data.Post);
        routes.MapPut("/v1/data/{**path}", data.Put);
        routes.MapPatch("/v1/data/{**path}", data.Patch);
        routes.MapDelete("/v1/data/{**path}", data.Delete);

        routes.MapGet("/v1/query", query.Get);
        routes.MapPost("/v1/query", query.Post);

        routes.MapGet("/health", () => OpaHttp.Json(new System.Text.Json.Nodes.JsonObject()));
        return routes;
    }
}
