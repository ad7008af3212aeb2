using DataSpace.Hosting.Security;

namespace DataSpace.Connector.Common;

/// <summary>The credential of the enterprise's own applications (registering assets, negotiating, reading received data).</summary>
/// <param name="Secret">The secret.</param>
internal sealed record LocalApiCredential(BearerSecret Secret)
{
    public const string FileName = "api.token";
}

/// <summary>Endpoint filter: the request must carry the local API credential as its bearer token.</summary>
internal sealed class LocalOnly(LocalApiCredential credential) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        credential.Secret.Authorizes(context.HttpContext.Request)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Local API credential required",
                detail: "This is the connector's local API for the enterprise's own applications: send DataDirectory/api.token as 'Authorization: Bearer <token>'."));
}

/// <summary>Marks endpoints as local-API only.</summary>
internal static class LocalOnlyExtensions
{
    public static TBuilder RequireLocalApi<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter<TBuilder, LocalOnly>();
}
