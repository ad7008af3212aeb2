using Microsoft.Extensions.Logging;

namespace DataSpace.Policy;

/// <summary>Log messages of the OPA backend.</summary>
internal static partial class OpaLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "OPA decision {DecisionId} for {Path} failed closed: {Reason}")]
    public static partial void DecisionFailed(ILogger logger, string decisionId, string path, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Loaded bundle {Digest} into OPA: {Modules} modules")]
    public static partial void BundleLoaded(ILogger logger, string digest, int modules);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "OPA health check failed: {Reason}")]
    public static partial void Unhealthy(ILogger logger, string reason);
}
