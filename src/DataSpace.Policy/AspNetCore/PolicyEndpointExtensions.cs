using System.Text.Json.Nodes;
using DataSpace.Policy.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Policy;

/// <summary>Puts endpoints behind a policy decision.</summary>
public static class PolicyEndpointExtensions
{
    /// <summary>
    /// Requires an allow from the <see cref="IPolicyEngine"/> in the request's services for
    /// <paramref name="decisionPath"/>, with the input <paramref name="input"/> builds from the request.
    /// Deny answers 403 and an engine failure 503, both <c>application/problem+json</c> with the reasons
    /// and the decision id.
    /// </summary>
    /// <example><code>
    /// app.MapGet("/assets/{id}", …).RequirePolicy("dataspace/catalog/decision",
    ///     http =&gt; ValueTask.FromResult&lt;JsonNode?&gt;(new JsonObject { ["action"] = "read", … }));
    /// </code></example>
    public static TBuilder RequirePolicy<TBuilder>(this TBuilder builder, string decisionPath, Func<HttpContext, ValueTask<JsonNode?>> input)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(input);
        _ = DecisionPath.Parse(decisionPath);
        return builder.AddEndpointFilter(new PolicyEndpointFilter(decisionPath, input));
    }
}
