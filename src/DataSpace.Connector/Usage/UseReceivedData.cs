using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Connector.Hosting;
using DataSpace.Connector.Negotiation;
using DataSpace.Connector.Received;
using DataSpace.Core;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Hosting.Mediation;
using DataSpace.Hosting.Policies;
using Mediator;

namespace DataSpace.Connector.Usage;

/// <summary>
/// A local application reads received data for a declared purpose (DESIGN §5 step 5). Nothing is
/// released unless <c>dataspace.usage</c> allows the use and every duty it carries is met first:
/// <list type="number">
/// <item>load the record and its agreement; deleted data is gone, whatever else holds;</item>
/// <item>read this participant's attributes from the registry (the policy subject);</item>
/// <item>under the agreement's gate and the transfer's lock, count the uses so far under the agreement;</item>
/// <item>ask <c>dataspace.usage</c>;</item>
/// <item>check every obligation, the decision's and the provider's, is one this connector enforces;</item>
/// <item>open the ciphertext;</item>
/// <item>notify the provider when the agreement says so;</item>
/// <item>append the usage log line, on disk;</item>
/// <item>count the use.</item>
/// </list>
/// A refusal at any step releases nothing and counts nothing; the endpoint then streams the plaintext.
/// </summary>
/// <param name="TransferId">The transfer whose data is read.</param>
/// <param name="Purpose">The declared purpose of this use.</param>
public sealed record UseReceivedData(string TransferId, string? Purpose) : ICommand<Result<UseOutcome>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate() => string.IsNullOrWhiteSpace(Purpose)
        ? Error.Invalid("purpose is required: declare what the data is used for, e.g. ?purpose=quality-analysis (PIPL Art. 6; the agreement grants uses per purpose).")
        : null;
}

internal sealed class UseReceivedDataHandler(
    ReceivedIndex index,
    AgreementStore agreements,
    AgreementGates gates,
    OwnSubject self,
    PolicyGate policy,
    ConnectorStores stores,
    ProviderNotifier notifier,
    UsageLog log,
    ConnectorOptions options,
    TimeProvider clock) : ICommandHandler<UseReceivedData, Result<UseOutcome>>
{
    public async ValueTask<Result<UseOutcome>> Handle(UseReceivedData command, CancellationToken cancellationToken)
    {
        // Step 1
        if (await index.FindAsync(command.TransferId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Error.NotFound($"No data was received under transfer {command.TransferId}.");
        }
        if (found.DeletedAt is not null)
        {
            return Gone(found);
        }
        if (await agreements.FindAsync(found.AgreementId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return Error.Forbidden($"The agreement {found.AgreementId} that transfer {found.TransferId} came under is not kept by this connector; there is no use without it (fail closed).");
        }
        var agreement = stored.Agreement;

        // Step 2
        var subject = await self.GetAsync(cancellationToken).ConfigureAwait(false);
        if (!subject.IsSuccess)
        {
            return subject.Error;
        }

        // Step 3
        using var gate = await gates.EnterAsync(agreement.AgreementId, cancellationToken).ConfigureAwait(false);
        using var held = await index.LockAsync(found.TransferId, cancellationToken).ConfigureAwait(false);
        var record = await index.FindAsync(found.TransferId, cancellationToken).ConfigureAwait(false) ?? found;
        if (record.DeletedAt is not null)
        {
            return Gone(record);
        }
        var usesSoFar = await UsesSoFarAsync(record, cancellationToken).ConfigureAwait(false);
        var now = Timestamps.Now(clock);

        // Step 4
        var decision = await policy.DecideAsync(PolicyInputs.UsagePath, PolicyInputs.Use(subject.Value, agreement, command.Purpose!, usesSoFar, now), cancellationToken).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            return Error.Forbidden($"The usage policy refused this use: {string.Join("; ", decision.Reasons)}");
        }

        // Step 5
        var obligations = decision.Obligations.Concat(record.Obligations).ToList();
        var duties = Duties.Check(obligations, options.Enforces, now);
        if (!duties.IsSuccess)
        {
            return duties.Error;
        }

        // Step 6
        if (await stores.Received.OpenReadAsync(record.BlobKey, cancellationToken).ConfigureAwait(false) is not { } ciphertext)
        {
            return Error.Conflict($"The data of transfer {record.TransferId} is missing from the received-data store, so nothing can be released.");
        }
        var released = false;
        try
        {
            var use = usesSoFar + 1;

            // Step 7
            if (duties.Value.NotifyProvider
                && await notifier.NotifyAsync(agreement.Provider, new UsageNotice(record.TransferId, agreement.AgreementId, agreement.Consumer, command.Purpose!, now, use), cancellationToken).ConfigureAwait(false) is { } unnotified)
            {
                return unnotified;
            }

            // Step 8
            if (await log.AppendAsync(LogLine(record, agreement, command.Purpose!, use, now, obligations, decision.Record), cancellationToken).ConfigureAwait(false) is { } unlogged)
            {
                return Error.Unavailable($"The use could not be logged, so the data is not released (log_usage duty): {unlogged.Message}");
            }

            // Step 9
            try
            {
                await index.SaveAsync(record with { Uses = record.Uses + 1 }, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                return Error.Unavailable($"The use could not be counted, so the data is not released: {e.Message}");
            }
            released = true;
            return new ReleasedData(record.TransferId, use, record.PlaintextSha256, record.Size, ciphertext);
        }
        finally
        {
            if (!released)
            {
                await ciphertext.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Uses are counted per agreement: its <c>maxUses</c> bounds the reads of every transfer received under it.</summary>
    private async Task<int> UsesSoFarAsync(ReceivedRecord record, CancellationToken cancellationToken)
    {
        var uses = record.Uses;
        await foreach (var other in index.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (other.AgreementId == record.AgreementId && other.TransferId != record.TransferId)
            {
                uses += other.Uses;
            }
        }
        return uses;
    }

    private static DeletedData Gone(ReceivedRecord record) => new(record.TransferId, record.DeletedAt!.Value, record.DeletionIndex);

    private static JsonObject LogLine(ReceivedRecord record, Agreement agreement, string purpose, int use, DateTimeOffset now, IEnumerable<JsonObject> obligations, JsonObject decision) => new()
    {
        ["time"] = Timestamps.Format(now),
        ["transferId"] = record.TransferId,
        ["agreementId"] = agreement.AgreementId,
        ["provider"] = agreement.Provider,
        ["assetId"] = record.AssetId,
        ["purpose"] = purpose,
        ["use"] = use,
        ["obligations"] = new JsonArray([.. obligations.Select(o => o.DeepClone())]),
        ["decision"] = decision.DeepClone(),
    };
}
