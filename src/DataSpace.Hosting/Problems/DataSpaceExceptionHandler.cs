using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// Turns every exception that reaches the top of the pipeline into an RFC 9457 problem: the client
/// learns what it did wrong (4xx), or only that something failed on our side with a trace id to
/// quote (500) — never an exception message or a stack trace, which could reveal internals.
/// </summary>
internal sealed class DataSpaceExceptionHandler(IProblemDetailsService problems, ILogger<DataSpaceExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        if (exception is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // Nobody is listening: 499 (nginx's "client closed request") for the logs and metrics, no body.
            ProblemsLog.ClientAborted(logger, request.Method, request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var problem = exception is BadHttpRequestException bad ? BadRequest(bad) : Unexpected(httpContext, exception);
        if (problem.Status < 500)
        {
            ProblemsLog.BadRequest(logger, request.Method, request.Path, problem.Status!.Value, problem.Detail ?? "");
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            // No Exception here: writers may render it, and its text is exactly what must not leak.
            ProblemDetails = problem,
        }).ConfigureAwait(false);
    }

    /// <summary>Kestrel and minimal-API binding failures: their status is the client's fault, their message is safe.</summary>
    private static ProblemDetails BadRequest(BadHttpRequestException exception) => exception switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => new()
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Request body too large",
            Detail = exception.Message,
        },
        { InnerException: JsonException json } => new()
        {
            Status = StatusCodes.Status400BadRequest,
            Title = JsonErrorText.IsAboutShape(json) ? "Invalid request" : "Malformed JSON",
            Detail = JsonErrorText.Describe(json),
        },
        _ => new()
        {
            Status = exception.StatusCode,
            Title = "Bad request",
            Detail = BindingErrorText.Describe(exception.Message),
        },
    };

    private ProblemDetails Unexpected(HttpContext httpContext, Exception exception)
    {
        var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        ProblemsLog.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, traceId);
        return new()
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Internal error",
            Detail = $"The service failed to answer this request. Quote trace id {traceId} when reporting it.",
        };
    }
}
