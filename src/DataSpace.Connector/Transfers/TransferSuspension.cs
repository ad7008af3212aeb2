using DataSpace.Connector.Brokering;
using DataSpace.Core;
using DataSpace.Core.Api;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// Pauses a STARTED transfer for either side (DSP TransferSuspensionMessage): <c>transfer.suspended</c>,
/// signed by this connector, goes into the ledger first, and only then is a stream in flight
/// stopped. The ledger refuses it unless the transfer is STARTED there.
/// </summary>
internal sealed class TransferSuspension(BrokerClient broker, InFlightTransfers inFlight, ParticipantKeys keys, TimeProvider clock, ILogger<TransferSuspension> logger)
{
    private const int MaxReasonLength = 1000;

    public async Task<Result<SuspendedTransferView>> SuspendAsync(TransferSide side, string transferId, string agreementId, string? reason, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? $"Suspended by the {side.ToString().ToLowerInvariant()}." : reason.Trim();
        text = text.Length > MaxReasonLength ? text[..MaxReasonLength] + "…" : text;
        var paused = new TransferSuspended(transferId, agreementId, keys.ParticipantId, text, Timestamps.Now(clock));
        var recorded = await broker.RecordAsync(LedgerEntry.FromRecord(TransferSuspended.EntryType, paused, [keys.Signer]), cancellationToken).ConfigureAwait(false);
        if (!recorded.IsSuccess)
        {
            return recorded.Error;
        }
        inFlight.Stop(side, transferId);
        TransferLog.Suspended(logger, transferId, text, recorded.Value.Index);
        return new SuspendedTransferView(transferId, agreementId, "SUSPENDED", keys.ParticipantId, text, recorded.Value.Index);
    }
}

/// <summary>A transfer this connector suspended.</summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">Its agreement.</param>
/// <param name="State">SUSPENDED.</param>
/// <param name="SuspendedBy">This participant: only it resumes the transfer.</param>
/// <param name="Reason">Why, as recorded.</param>
/// <param name="LedgerIndex">Index of the <c>transfer.suspended</c> entry.</param>
public sealed record SuspendedTransferView(string TransferId, string AgreementId, string State, string SuspendedBy, string Reason, ulong LedgerIndex);
