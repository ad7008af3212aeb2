using DataSpace.Connector.Brokering;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// Records <c>transfer.terminated</c>, signed by this connector, when it is the party that detects
/// a failure (DESIGN §5 step 4: any failure ends the transfer TERMINATED, with the reason). A
/// terminated transfer is not a use; a retry with the same id starts it again.
/// </summary>
internal sealed class TransferTermination(BrokerClient broker, ParticipantKeys keys, TimeProvider clock, ILogger<TransferTermination> logger)
{
    private const int MaxReasonLength = 1000;

    /// <summary>Null once recorded; otherwise why it could not be (the ledger then still shows the transfer STARTED).</summary>
    public async Task<Error?> RecordAsync(string transferId, string agreementId, string reason, CancellationToken cancellationToken)
    {
        var text = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] + "…" : reason;
        var ended = new TransferTerminated(transferId, agreementId, keys.ParticipantId, text, Timestamps.Now(clock));
        var entry = LedgerEntry.FromRecord(TransferTerminated.EntryType, ended, [keys.Signer]);
        var recorded = await broker.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        if (recorded.IsSuccess)
        {
            TransferLog.Terminated(logger, transferId, text);
            return null;
        }
        if (recorded.Error.Kind == ErrorKind.Conflict)
        {
            // The other party ended (or completed) it first: the ledger already says what it became.
            TransferLog.AlreadyEnded(logger, transferId, recorded.Error.Message);
        }
        else
        {
            TransferLog.TerminationUnrecorded(logger, transferId, recorded.Error.Message, text);
        }
        return recorded.Error;
    }
}
