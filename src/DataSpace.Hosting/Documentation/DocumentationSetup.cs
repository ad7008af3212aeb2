using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace DataSpace.Hosting.Documentation;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the Scalar reference page at <c>/scalar</c>.</summary>
internal static class DocumentationSetup
{
    public const string DocumentName = "v1";
    public const string DocumentRoute = "/openapi/{documentName}.json";
    public const string ReferenceRoute = "/scalar";

    public static IServiceCollection AddDataSpaceDocumentation(this IServiceCollection services, string title, string version)
    {
        services.AddOptions<ApiDocumentOptions>().Configure(o =>
        {
            o.Title = title;
            o.Version = version;
        });
        services.AddSingleton<BearerSecurity>();
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer<ServiceInfoTransformer>();
            o.AddDocumentTransformer<BearerSecurity>();
            o.AddOperationTransformer<BearerSecurity>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDataSpaceDocumentation(this IEndpointRouteBuilder endpoints)
    {
        var title = endpoints.ServiceProvider.GetRequiredService<IOptions<ApiDocumentOptions>>().Value.Title;
        endpoints.MapOpenApi(DocumentRoute).AllowAnonymous().DisableRateLimiting();
        endpoints.MapScalarApiReference(ReferenceRoute, o => o.WithTitle(title).WithOpenApiRoutePattern(DocumentRoute))
            .AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}
