using DataSpace.Connector.Hosting;

namespace DataSpace.Connector.Usage;

/// <summary>The consumer's usage log, <c>DataDirectory/usage.log</c>: one line per released read (the <c>log_usage</c> duty).</summary>
internal sealed class UsageLog(ConnectorOptions options) : JsonLinesFile(Path.Combine(options.DataDirectory, FileName))
{
    public const string FileName = "usage.log";
}
