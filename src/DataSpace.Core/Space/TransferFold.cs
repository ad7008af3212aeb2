using System.Text.Json;
using DataSpace.Core.Json;
using DataSpace.Core.Labels;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;

namespace DataSpace.Core.Space;

/// <summary>
/// Transfers: started by the agreement's provider only inside the agreement's validity, within its
/// uses, only under a copy agreement (a compute agreement releases nothing), never for core data, and on an allowing decision; completed with both
/// parties' signatures on the receipt; terminated by either party (a terminated transfer is not a
/// use, and a retry under the same id starts it again); suspended by either party and resumed by a
/// new start of the provider's, which is not a second use; deleted data recorded by the consumer.
/// </summary>
internal sealed class TransferFold : IEntryFold
{
    public IReadOnlyCollection<string> Types { get; } = [TransferStarted.EntryType, TransferCompleted.EntryType, TransferSuspended.EntryType, TransferTerminated.EntryType, DataDeleted.EntryType];

    public Result<Action> Decide(SpaceEvent entry, SpaceState state) => entry.Type switch
    {
        TransferStarted.EntryType => Start(entry, state),
        TransferCompleted.EntryType => Complete(entry, state),
        TransferSuspended.EntryType => Suspend(entry, state),
        TransferTerminated.EntryType => Terminate(entry, state),
        _ => Delete(entry, state),
    };

    private static Result<Action> Start(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<TransferStarted>(entry.Body, "transfer.started");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var started = read.Value;
        if (state.FindAgreement(started.AgreementId) is not { } record)
        {
            return Error.NotFound($"agreement {started.AgreementId} is not finalized in the ledger");
        }
        var agreement = record.Agreement;
        var terms = agreement.Terms;
        var previous = state.FindTransfer(started.TransferId);
        var resumed = previous is { State: TransferState.Suspended };
        var problem = (started.Provider != agreement.Provider || started.Consumer != agreement.Consumer || started.AssetId != agreement.AssetId
                ? Error.Invalid($"the transfer's parties or asset differ from agreement {agreement.AgreementId}")
                : null)
            ?? FoldChecks.Signed(entry, agreement.Provider, "provider")
            ?? FoldChecks.Active(state, agreement.Provider, "provider")
            ?? FoldChecks.Active(state, agreement.Consumer, "consumer")
            ?? (started.Time < terms.ValidFrom || started.Time >= terms.ValidUntil
                ? Error.Forbidden($"agreement {agreement.AgreementId} is not valid at {Timestamps.Format(started.Time)} (valid from {Timestamps.Format(terms.ValidFrom)} until {Timestamps.Format(terms.ValidUntil)})")
                : null)
            ?? (previous is { State: not (TransferState.Terminated or TransferState.Suspended) }
                ? Error.Conflict($"transfer {started.TransferId} is already {previous.State.ToString().ToUpperInvariant()}")
                : null)
            ?? (previous is not null && previous.AgreementId != started.AgreementId ? Error.Conflict($"transfer {started.TransferId} belongs to another agreement") : null)
            ?? (!resumed && terms.MaxUses is { } max && record.Uses >= max ? Error.Forbidden($"agreement {agreement.AgreementId} has used all {max} uses") : null)
            ?? (terms.Delivery != "copy" ? Error.Forbidden($"agreement {agreement.AgreementId} grants computation at the provider, not a copy: a transfer would release the data itself") : null)
            ?? (LabelGrade.Effective(agreement.Label) == "core" ? Error.Forbidden("core data is never released as a raw copy (DSL Art. 21)") : null)
            ?? FoldChecks.Allowed(state, JsonSerializer.SerializeToElement(started.Decision), "transfer");
        if (problem is not null)
        {
            return problem;
        }
        return Result<Action>.Success(() =>
        {
            state.Put(new TransferRecord(started.TransferId, started.AgreementId, TransferState.Started, entry.Index));
            if (!resumed)
            {
                state.Put(record with { Uses = record.Uses + 1 });
            }
        });
    }

    private static Result<Action> Complete(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<TransferCompleted>(entry.Body, "transfer.completed");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var done = read.Value;
        if (Running(state, done.TransferId, done.AgreementId, out var transfer, out var agreement) is { } missing)
        {
            return missing;
        }
        var problem = FoldChecks.Signed(entry, agreement!.Provider, "provider") ?? FoldChecks.Signed(entry, agreement.Consumer, "consumer");
        return problem is null
            ? Result<Action>.Success(() => state.Put(transfer! with { State = TransferState.Completed, Completion = done }))
            : problem;
    }

    private static Result<Action> Terminate(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<TransferTerminated>(entry.Body, "transfer.terminated");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var ended = read.Value;
        if (Running(state, ended.TransferId, ended.AgreementId, out var transfer, out var agreement, TransferState.Suspended) is { } missing)
        {
            return missing;
        }
        var problem = Party(ended.By, ended.TransferId, agreement!) ?? FoldChecks.Signed(entry, ended.By, "terminating party");
        if (problem is not null)
        {
            return problem;
        }
        return Result<Action>.Success(() =>
        {
            state.Put(transfer! with { State = TransferState.Terminated, SuspendedBy = null });
            var record = state.FindAgreement(ended.AgreementId)!;
            state.Put(record with { Uses = record.Uses - 1 });
        });
    }

    private static Result<Action> Suspend(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<TransferSuspended>(entry.Body, "transfer.suspended");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var paused = read.Value;
        if (Running(state, paused.TransferId, paused.AgreementId, out var transfer, out var agreement) is { } missing)
        {
            return missing;
        }
        var problem = Party(paused.By, paused.TransferId, agreement!) ?? FoldChecks.Signed(entry, paused.By, "suspending party");
        return problem is null
            ? Result<Action>.Success(() => state.Put(transfer! with { State = TransferState.Suspended, SuspendedBy = paused.By }))
            : problem;
    }

    private static Error? Party(string participant, string transferId, Negotiation.Agreement agreement) =>
        participant != agreement.Provider && participant != agreement.Consumer ? Error.Forbidden($"{participant} is not a party of transfer {transferId}") : null;

    private static Result<Action> Delete(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<DataDeleted>(entry.Body, "data.deleted");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var deleted = read.Value;
        if (state.FindTransfer(deleted.TransferId) is not { } transfer || transfer.AgreementId != deleted.AgreementId)
        {
            return Error.NotFound($"transfer {deleted.TransferId} of agreement {deleted.AgreementId} is not in the ledger");
        }
        var consumer = state.FindAgreement(deleted.AgreementId)!.Agreement.Consumer;
        var problem = (deleted.Consumer != consumer ? Error.Forbidden($"{deleted.Consumer} is not the consumer of transfer {deleted.TransferId}") : null)
            ?? FoldChecks.Signed(entry, consumer, "consumer")
            ?? (transfer.State != TransferState.Completed ? Error.Conflict($"transfer {deleted.TransferId} delivered no data to delete") : null)
            ?? (transfer.Deleted ? Error.Conflict($"the data of transfer {deleted.TransferId} is already deleted") : null);
        return problem is null ? Result<Action>.Success(() => state.Put(transfer with { Deleted = true })) : problem;
    }

    /// <summary>The transfer, its agreement, and whether it is STARTED (or in <paramref name="alsoIn"/>).</summary>
    private static Error? Running(SpaceState state, string transferId, string agreementId, out TransferRecord? transfer, out Negotiation.Agreement? agreement, TransferState? alsoIn = null)
    {
        transfer = state.FindTransfer(transferId);
        agreement = state.FindAgreement(agreementId)?.Agreement;
        if (transfer is null || agreement is null || transfer.AgreementId != agreementId)
        {
            return Error.NotFound($"transfer {transferId} of agreement {agreementId} was never started");
        }
        return transfer.State == TransferState.Started || transfer.State == alsoIn
            ? null
            : Error.Conflict($"transfer {transferId} is {transfer.State.ToString().ToUpperInvariant()}, not STARTED{(alsoIn is { } also ? $" or {also.ToString().ToUpperInvariant()}" : "")}");
    }
}
