using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Connector.Negotiation;
using DataSpace.Connector.Received;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Usage;

/// <summary>
/// The delete-after duty. A sweep deletes the data of every transfer whose deadline has come and
/// records each deletion in the ledger as a <c>data.deleted</c> entry signed by this consumer:
/// <list type="number">
/// <item>mark the record deleted (<c>DeletedAt</c>) — from then on reads answer 410, and nothing brings the data back;</item>
/// <item>delete the ciphertext from the received-data store (idempotent);</item>
/// <item>record <c>data.deleted</c>, and keep its ledger index in the record.</item>
/// </list>
/// A sweep interrupted after step 1, or a ledger the broker could not write, is completed by the
/// next sweep: steps 2 and 3 are repeated for every record deleted but not yet in the ledger.
/// </summary>
internal sealed class DataDeletion(
    ReceivedIndex index,
    AgreementStore agreements,
    ConnectorStores stores,
    BrokerClient broker,
    DeletionLookup lookup,
    ParticipantKeys keys,
    TimeProvider clock,
    ILogger<DataDeletion> logger)
{
    /// <summary>One pass over every record; a failure with one record does not stop the others.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await foreach (var record in index.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (record.DeletionIndex is not null)
            {
                continue;
            }
            try
            {
                var agreement = (await agreements.FindAsync(record.AgreementId, cancellationToken).ConfigureAwait(false))?.Agreement;
                var deadline = Duties.DeadlineOf(record.Obligations, agreement);
                if (record.DeletedAt is not null || (deadline is { } due && now >= due))
                {
                    await DeleteAsync(record.TransferId, deadline, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                UsageLogMessages.DeletionFailed(logger, e, record.TransferId);
            }
        }
    }

    private async Task DeleteAsync(string transferId, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        using var held = await index.LockAsync(transferId, cancellationToken).ConfigureAwait(false);
        if (await index.FindAsync(transferId, cancellationToken).ConfigureAwait(false) is not { DeletionIndex: null } record)
        {
            return;
        }
        var reason = deadline is { } d ? $"delete_after deadline {Timestamps.Format(d)}" : Duties.DeleteAfter;

        // Step 1
        if (record.DeletedAt is null)
        {
            record = record with { DeletedAt = Timestamps.Now(clock) };
            await index.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        }

        // Step 2
        if (await stores.Received.DeleteAsync(record.BlobKey, cancellationToken).ConfigureAwait(false))
        {
            UsageLogMessages.Deleted(logger, transferId, reason);
        }

        // Step 3: the same body on every retry (the time is DeletedAt), so a duplicate is this very entry.
        var body = new DataDeleted(record.TransferId, record.AgreementId, keys.ParticipantId, reason, record.DeletedAt.Value);
        var entry = LedgerEntry.FromRecord(DataDeleted.EntryType, body, [keys.Signer]);
        var recorded = await broker.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        var ledgerIndex = recorded.IsSuccess ? recorded.Value.Index
            : recorded.Error.Kind == ErrorKind.Conflict ? await lookup.FindAsync(record.TransferId, keys.ParticipantId, cancellationToken).ConfigureAwait(false)
            : null;
        if (ledgerIndex is not { } recordedAt)
        {
            UsageLogMessages.DeletionUnrecorded(logger, transferId, recorded.Error?.Message ?? "the broker answered a duplicate but the entry was not found");
            return;
        }
        await index.SaveAsync(record with { DeletionIndex = recordedAt }, cancellationToken).ConfigureAwait(false);
        UsageLogMessages.DeletionRecorded(logger, transferId, recordedAt);
    }
}
