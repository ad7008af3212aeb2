using Microsoft.AspNetCore.Http;

namespace DataSpace.Policy;

/// <summary>The decision that let a request through, for handlers that must honour its obligations.</summary>
public static class PolicyHttpContextExtensions
{
    internal const string ItemKey = "DataSpace.Policy.Decision";

    /// <summary>The policy decision made for this request by <c>RequirePolicy</c>, or null.</summary>
    public static PolicyDecision? GetPolicyDecision(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var decision) ? decision as PolicyDecision : null;
}
