using DataSpace.Core.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// Answers a handler's <see cref="Result{T}"/>: the value on success, the mapped problem otherwise
/// (<see cref="ErrorResults.ToProblem"/>). Typed results, so OpenAPI lists both outcomes.
/// </summary>
public static class ResultHttpExtensions
{
    /// <summary>200 with the value, or the problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    /// <summary>201 with the value and a <c>Location</c> built from it (e.g. <c>v =&gt; $"/offers/{v.Id}"</c>), or the problem.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Error.ToProblem();
    }

    /// <summary>200 with a projection of the value (a response shape rather than the domain type), or the problem.</summary>
    public static Results<Ok<TResponse>, ProblemHttpResult> ToOk<T, TResponse>(this Result<T> result, Func<T, TResponse> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return result.IsSuccess ? TypedResults.Ok(map(result.Value)) : result.Error.ToProblem();
    }
}
