using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace DataSpace.Hosting.Documentation;

/// <summary>Writes the service's title, version and description into the document's <c>info</c>.</summary>
internal sealed class ServiceInfoTransformer(IOptions<ApiDocumentOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var info = options.Value;
        document.Info ??= new OpenApiInfo();
        document.Info.Title = info.Title;
        document.Info.Version = info.Version;
        document.Info.Description = info.Description;
        return Task.CompletedTask;
    }
}
