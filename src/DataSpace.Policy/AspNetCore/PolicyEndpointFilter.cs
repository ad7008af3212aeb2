using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataSpace.Policy.AspNetCore;

/// <summary>
/// Asks the application's <see cref="IPolicyEngine"/> before the endpoint runs. Allowed: the endpoint
/// runs, with the decision in <see cref="PolicyHttpContextExtensions.GetPolicyDecision"/>. Denied
/// (false, undefined, not allowed): 403 problem+json with the reasons. Not decided (engine failed,
/// unreachable, timed out): 503 problem+json. Never lets a request through without an allow.
/// </summary>
internal sealed class PolicyEndpointFilter(string decisionPath, Func<HttpContext, ValueTask<JsonNode?>> input) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var engine = http.RequestServices.GetRequiredService<IPolicyEngine>();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<PolicyEndpointFilter>();

        var decision = await engine.EvaluateAsync(decisionPath, await input(http), http.RequestAborted);
        PolicyFilterLog.Decided(logger, decision.DecisionId, decision.Path, decision.IsAllowed, decision.Outcome, decision.Duration.TotalMilliseconds);
        http.Items[PolicyHttpContextExtensions.ItemKey] = decision;

        if (decision.IsAllowed)
        {
            return await next(context);
        }
        var unavailable = decision.Outcome == PolicyOutcome.Error;
        return TypedResults.Problem(
            title: unavailable ? "The policy decision could not be made." : "Forbidden by policy.",
            detail: string.Join(" ", decision.Reasons),
            statusCode: unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status403Forbidden,
            type: unavailable ? "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4" : "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
            extensions: new Dictionary<string, object?>
            {
                ["decisionId"] = decision.DecisionId,
                ["policy"] = decision.Path,
                ["reasons"] = decision.Reasons,
                ["bundleDigest"] = decision.BundleDigest,
            });
    }
}
