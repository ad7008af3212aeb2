using Microsoft.Extensions.Logging;

namespace DataSpace.Policy.AspNetCore;

/// <summary>Log messages of the endpoint filter: one per decision, for audit and latency metrics.</summary>
internal static partial class PolicyFilterLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Policy decision {DecisionId} on {Path}: allowed={Allowed} outcome={Outcome} in {Milliseconds} ms")]
    public static partial void Decided(ILogger logger, string decisionId, string path, bool allowed, PolicyOutcome outcome, double milliseconds);
}
