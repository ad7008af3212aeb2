using DataSpace.Core.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// The one place where a domain <see cref="Error"/> becomes HTTP: an RFC 9457 problem whose
/// status follows the <see cref="ErrorKind"/> and whose <c>detail</c> is the error's message.
/// </summary>
public static class ErrorResults
{
    /// <summary>The HTTP status of an error kind: invalid 400, forbidden 403, not found 404, conflict 409, unavailable 503.</summary>
    public static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An error kind without an HTTP status."),
    };

    /// <summary>The problem+json answer for <paramref name="error"/>.</summary>
    public static ProblemHttpResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(detail: error.Message, statusCode: StatusCodeOf(error.Kind), title: TitleOf(error.Kind));
    }

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "Invalid request",
        ErrorKind.Forbidden => "Forbidden",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Unavailable => "Unavailable",
        _ => "Error",
    };
}
