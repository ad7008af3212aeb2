using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;

namespace DataSpace.Hosting.Limits;

/// <summary>Lets one endpoint receive more than the default body limit (asset uploads, transfers).</summary>
public static class LargeBodyEndpointExtensions
{
    /// <summary>
    /// Raises this endpoint's request body limit to <paramref name="maxBytes"/>, or lifts it when
    /// null (for streamed bodies whose size the handler checks itself). Routing applies it to the
    /// server's <c>IHttpMaxRequestBodySizeFeature</c> before the body is read.
    /// </summary>
    public static TBuilder AllowLargeBody<TBuilder>(this TBuilder builder, long? maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (maxBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "A body limit cannot be negative.");
        }
        return maxBytes is { } limit
            ? builder.WithMetadata(new RequestSizeLimitAttribute(limit))
            : builder.WithMetadata(new DisableRequestSizeLimitAttribute());
    }
}
