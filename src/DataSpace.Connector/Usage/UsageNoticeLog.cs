using DataSpace.Connector.Hosting;

namespace DataSpace.Connector.Usage;

/// <summary>The provider's record of its consumers' usage notices, <c>DataDirectory/usage-notices.jsonl</c>, each kept with the consumer's signature.</summary>
internal sealed class UsageNoticeLog(ConnectorOptions options) : JsonLinesFile(Path.Combine(options.DataDirectory, FileName))
{
    public const string FileName = "usage-notices.jsonl";
}
