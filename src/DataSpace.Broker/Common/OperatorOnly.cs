using DataSpace.Broker.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataSpace.Broker.Common;

/// <summary>Endpoint filter for operator actions: the request must carry the operator credential as its bearer token.</summary>
internal sealed class OperatorOnly(OperatorCredential credential) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (credential.Matches(token))
        {
            return next(context);
        }
        return ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Operator credential required",
            detail: "This action is the broker operator's: send the operator credential (DataDirectory/operator.token) as 'Authorization: Bearer <token>'."));
    }
}

/// <summary>Marks endpoints as operator-only.</summary>
internal static class OperatorOnlyExtensions
{
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter<TBuilder, OperatorOnly>();
}
