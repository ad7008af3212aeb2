namespace DataSpace.Connector.Witnessing;

/// <summary>The witness's log messages (source-generated).</summary>
internal static partial class WitnessLog
{
    [LoggerMessage(1, LogLevel.Warning, "The broker did not take this connector's cosignature of its checkpoint of size {Size}: {Problem}")]
    public static partial void CosignatureNotPosted(ILogger logger, ulong size, string problem);

    [LoggerMessage(2, LogLevel.Warning, "The broker's ledger is not trusted: {Problem}")]
    public static partial void Refused(ILogger logger, string problem);
}
