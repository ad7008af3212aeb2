using DataSpace.Hosting.Security;

namespace DataSpace.Broker.Common;

/// <summary>Endpoint filter for operator actions: the request must carry the operator credential as its bearer token.</summary>
internal sealed class OperatorOnly(OperatorCredential credential) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        credential.Secret.Authorizes(context.HttpContext.Request)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Operator credential required",
                detail: "This action is the broker operator's: send the operator credential (DataDirectory/operator.token) as 'Authorization: Bearer <token>'."));
}

/// <summary>The broker operator's credential.</summary>
/// <param name="Secret">The secret.</param>
internal sealed record OperatorCredential(BearerSecret Secret)
{
    public const string FileName = "operator.token";
}

/// <summary>Marks endpoints as operator-only.</summary>
internal static class OperatorOnlyExtensions
{
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter<TBuilder, OperatorOnly>();
}
