using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Core;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Broker.Ledger;

/// <summary>
/// A participant records an entry of its own: transfer events (started, completed, terminated),
/// deletions, offer withdrawals and its policy bundle. The caller must have signed it; the
/// ledger's rules check the rest (a transfer must reference a finalized agreement, and so on).
/// </summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="Entry">The signed entry.</param>
public sealed record RecordEntry(string Caller, JsonObject Entry) : ICommand<Result<RecordedEntry>>;

internal sealed class RecordEntryHandler(BrokerLedger ledger, TimeProvider clock) : ICommandHandler<RecordEntry, Result<RecordedEntry>>
{
    /// <summary>How far a transfer's own time may be from the broker's clock: the auditor cannot check it, so the broker does.</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> ParticipantTypes =
    [
        TransferStarted.EntryType, TransferCompleted.EntryType, TransferSuspended.EntryType, TransferTerminated.EntryType, DataDeleted.EntryType,
        OfferWithdrawn.EntryType, PolicyBundleRecord.EntryType,
    ];

    public async ValueTask<Result<RecordedEntry>> Handle(RecordEntry command, CancellationToken cancellationToken)
    {
        var verdict = LedgerEntry.TryRead(command.Entry, out var entry);
        if (!verdict.IsAccepted)
        {
            return Error.Invalid($"The body is not a signed entry: {verdict.Reason}.");
        }
        if (!ParticipantTypes.Contains(entry!.Type))
        {
            return Error.Invalid($"Participants record {string.Join(", ", ParticipantTypes.Order(StringComparer.Ordinal))} entries here; {entry.Type} has its own endpoint or is the broker's.");
        }
        var problem = SignedBy.Caller(ledger, entry, command.Caller) ?? ClockCheck(entry);
        if (problem is not null)
        {
            return problem;
        }
        var appended = await ledger.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        return appended.IsSuccess ? new RecordedEntry(appended.Value, entry.Type) : appended.Error;
    }

    private Error? ClockCheck(LedgerEntry entry)
    {
        if (entry.Type != TransferStarted.EntryType)
        {
            return null;
        }
        var started = DomainJson.Read<TransferStarted>(entry.Body, "transfer.started");
        if (!started.IsSuccess)
        {
            return started.Error;
        }
        var skew = (started.Value.Time - Timestamps.Now(clock)).Duration();
        return skew > MaxClockSkew
            ? Error.Invalid($"transfer.started time {Timestamps.Format(started.Value.Time)} is {skew.TotalMinutes:F0} minutes from the broker's clock; it must be the time of the check.")
            : null;
    }
}
