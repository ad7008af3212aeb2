using Microsoft.Extensions.Logging;

namespace DataSpace.Hosting.Problems;

/// <summary>Log messages of the problem handling.</summary>
internal static partial class ProblemsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}; answered 500 with trace id {TraceId}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path, string traceId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Bad request on {Method} {Path}: {Status} {Detail}")]
    public static partial void BadRequest(ILogger logger, string method, string path, int status, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Client aborted {Method} {Path}")]
    public static partial void ClientAborted(ILogger logger, string method, string path);
}
