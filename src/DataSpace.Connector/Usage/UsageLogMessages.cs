namespace DataSpace.Connector.Usage;

/// <summary>Log messages of usage control and deletion.</summary>
internal static partial class UsageLogMessages
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Read {Use} of transfer {TransferId} aborted mid-stream: {Failure}")]
    public static partial void ReadAborted(ILogger logger, string transferId, int use, string failure);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Deleted the data of transfer {TransferId} ({Reason})")]
    public static partial void Deleted(ILogger logger, string transferId, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Recorded the deletion of transfer {TransferId} as ledger entry {Index}")]
    public static partial void DeletionRecorded(ILogger logger, string transferId, ulong index);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "The deletion of transfer {TransferId} is not in the ledger yet; retried on the next sweep: {Reason}")]
    public static partial void DeletionUnrecorded(ILogger logger, string transferId, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Deleting the data of transfer {TransferId} failed; retried on the next sweep")]
    public static partial void DeletionFailed(ILogger logger, Exception exception, string transferId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "A deletion sweep failed; the next one runs in {Interval}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Usage notice {Use} of transfer {TransferId} from {Consumer} recorded")]
    public static partial void NoticeRecorded(ILogger logger, string transferId, int use, string consumer);
}
