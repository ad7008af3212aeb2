using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace DataSpace.Hosting.Limits;

/// <summary>
/// Enforces the body limit where the server cannot. Kestrel enforces it itself (routing sets
/// <see cref="IHttpMaxRequestBodySizeFeature"/> from the endpoint's metadata); the in-memory
/// TestServer has no such feature, so without this the services' integration tests would accept
/// any body. Here the limit is the endpoint's, else <see cref="RequestLimitsOptions.MaxRequestBodySize"/>.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false })
        {
            return next(context);
        }
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = metadata is null ? options.Value.MaxRequestBodySize : metadata.MaxRequestBodySize;
        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                throw LimitedReadStream.TooLarge(max);
            }
            context.Request.Body = new LimitedReadStream(context.Request.Body, max);
        }
        return next(context);
    }
}
