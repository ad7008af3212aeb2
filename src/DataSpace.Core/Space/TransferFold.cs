using DataSpace.Core.Json;
using DataSpace.Core.Labels;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;

namespace DataSpace.Core.Space;

/// <summary>
/// Transfers: started by the agreement's provider only inside the agreement's validity, within its
/// uses, only under a copy agreement (a compute agreement releases nothing), never for core data, and on an allowing decision; completed with both
/// parties' signatures on the receipt; terminated by either party (a terminated transfer is not a
/// use, and a retry under the same id starts it again); deleted data recorded by the consumer.
/// </summary>
internal sealed class TransferFold : IEntryFold
{
    public IReadOnlyCollection<string> Types { get; } = [TransferStarted.EntryType, TransferCompleted.EntryType, TransferTerminated.EntryType, DataDeleted.EntryType];

    public Result<Action> Decide(SpaceEvent entry, SpaceState state) => entry.Type switch
    {
        TransferStarted.EntryType => Start(entry, state),
        TransferCompleted.EntryType => Complete(entry, state),
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
        var problem = (started.Provider != agreement.Provider || started.Consumer != agreement.Consumer || started.AssetId != agreement.AssetId
                ? Error.Invalid($"the transfer's parties or asset differ from agreement {agreement.AgreementId}")
                : null)
            ?? FoldChecks.Signed(entry, agreement.Provider, "provider")
            ?? FoldChecks.Active(state, agreement.Provider, "provider")
            ?? FoldChecks.Active(state, agreement.Consumer, "consumer")
            ?? (started.Time < terms.ValidFrom || started.Time >= terms.ValidUntil
                ? Error.Forbidden($"agreement {agreement.AgreementId} is not valid at {Timestamps.Format(started.Time)} (valid from {Timestamps.Format(terms.ValidFrom)} until {Timestamps.Format(terms.ValidUntil)})")
                : null)
            ?? (previous is { State: not TransferState.Terminated }
                ? Error.Conflict($"transfer {started.TransferId} is already {previous.State.ToString().ToUpperInvariant()}")
                : null)
            ?? (previous is not null && previous.AgreementId != started.AgreementId ? Error.Conflict($"transfer {started.TransferId} belongs to another agreement") : null)
            ?? (terms.MaxUses is { } max && record.Uses >= max ? Error.Forbidden($"agreement {agreement.AgreementId} has used all {max} uses") : null)
            ?? (terms.Delivery != "copy" ? Error.Forbidden($"agreement {agreement.AgreementId} grants computation at the provider, not a copy: a transfer would release the data itself") : null)
            ?? (LabelGrade.Effective(agreement.Label) == "core" ? Error.Forbidden("core data is never released as a raw copy (DSL Art. 21)") : null)
            ?? FoldChecks.Allowed(state, started.Decision, "transfer");
        if (problem is not null)
        {
            return problem;
        }
        return Result<Action>.Success(() =>
        {
            state.Put(new TransferRecord(started.TransferId, started.AgreementId, TransferState.Started, entry.Index));
            state.Put(record with { Uses = record.Uses + 1 });
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
        if (Running(state, ended.TransferId, ended.AgreementId, out var transfer, out var agreement) is { } missing)
        {
            return missing;
        }
        var problem = (ended.By != agreement!.Provider && ended.By != agreement.Consumer ? Error.Forbidden($"{ended.By} is not a party of transfer {ended.TransferId}") : null)
            ?? FoldChecks.Signed(entry, ended.By, "terminating party");
        if (problem is not null)
        {
            return problem;
        }
        return Result<Action>.Success(() =>
        {
            state.Put(transfer! with { State = TransferState.Terminated });
            var record = state.FindAgreement(ended.AgreementId)!;
            state.Put(record with { Uses = record.Uses - 1 });
        });
    }

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

    private static Error? Running(SpaceState state, string transferId, string agreementId, out TransferRecord? transfer, out Negotiation.Agreement? agreement)
    {
        transfer = state.FindTransfer(transferId);
        agreement = state.FindAgreement(agreementId)?.Agreement;
        if (transfer is null || agreement is null || transfer.AgreementId != agreementId)
        {
            return Error.NotFound($"transfer {transferId} of agreement {agreementId} was never started");
        }
        return transfer.State == TransferState.Started ? null : Error.Conflict($"transfer {transferId} is {transfer.State.ToString().ToUpperInvariant()}, not STARTED");
    }
}
