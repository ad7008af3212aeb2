namespace DataSpace.Connector.Transfers;

/// <summary>The transfer feature's log messages (source-generated).</summary>
internal static partial class TransferLog
{
    [LoggerMessage(1, LogLevel.Information, "Transfer {TransferId} of agreement {AgreementId} STARTED for {Consumer} (entry {Index})")]
    public static partial void Started(ILogger logger, string transferId, string agreementId, string consumer, ulong index);

    [LoggerMessage(2, LogLevel.Information, "Transfer {TransferId} resumed: the ledger already shows it STARTED, no new entry")]
    public static partial void Resumed(ILogger logger, string transferId);

    [LoggerMessage(3, LogLevel.Information, "Transfer {TransferId}: {Bytes} ciphertext bytes sent, manifest signed")]
    public static partial void Sent(ILogger logger, string transferId, long bytes);

    [LoggerMessage(4, LogLevel.Warning, "Transfer {TransferId}: the consumer went away mid-stream; the ledger keeps it STARTED for a retry")]
    public static partial void SendAborted(ILogger logger, string transferId);

    [LoggerMessage(5, LogLevel.Warning, "Transfer {TransferId} TERMINATED by this connector: {Reason}")]
    public static partial void Terminated(ILogger logger, string transferId, string reason);

    [LoggerMessage(6, LogLevel.Error, "Transfer {TransferId} could not be recorded TERMINATED ({Problem}); the reason was: {Reason}")]
    public static partial void TerminationUnrecorded(ILogger logger, string transferId, string problem, string reason);

    [LoggerMessage(7, LogLevel.Information, "Transfer {TransferId} COMPLETED (entry {Index})")]
    public static partial void Completed(ILogger logger, string transferId, ulong? index);

    [LoggerMessage(11, LogLevel.Information, "Transfer {TransferId} SUSPENDED by this connector (entry {Index}): {Reason}")]
    public static partial void Suspended(ILogger logger, string transferId, string reason, ulong index);

    [LoggerMessage(12, LogLevel.Information, "Transfer {TransferId}: its content stream was stopped by a suspension")]
    public static partial void StreamSuspended(ILogger logger, string transferId);

    [LoggerMessage(8, LogLevel.Information, "Transfer {TransferId} received from {Provider}: {Size} bytes stored as {BlobKey}")]
    public static partial void Received(ILogger logger, string transferId, string provider, long size, string blobKey);

    [LoggerMessage(10, LogLevel.Information, "Transfer {TransferId} was not recorded TERMINATED here: {Problem}")]
    public static partial void AlreadyEnded(ILogger logger, string transferId, string problem);

    [LoggerMessage(9, LogLevel.Error, "Transfer {TransferId}: sending failed on the provider's side")]
    public static partial void SendFailed(ILogger logger, string transferId, Exception exception);
}
