using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// Gives a problem body to error statuses that left without one (an unknown route, a wrong method,
/// a bare <c>Results.StatusCode(…)</c>, an access token refused), with a detail that names the
/// request or says why the token was refused (<see cref="AccessTokenRefusal"/>).
/// </summary>
internal static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var what = $"{http.Request.Method} {http.Request.Path}";
        var detail = status switch
        {
            StatusCodes.Status401Unauthorized => http.Features.Get<AccessTokenRefusal>()?.Detail,
            StatusCodes.Status404NotFound => $"Nothing answers {what}.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}; allowed: {http.Response.Headers.Allow}.",
            _ => null,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        }).ConfigureAwait(false);
    }
}
