using System.Text.Json.Nodes;
using DataSpace.Connector.Assets;
using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Mediation;
using DataSpace.Hosting.Policies;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The provider starts a transfer the consumer asked for (DESIGN §5 step 4a–c), failing closed at
/// every step: (1) the agreement is verified — FINALIZED in a ledger this connector witnessed,
/// signed by all three parties, the caller its consumer; (2) the ledger's state of the transfer
/// decides what happens: COMPLETED is a conflict, STARTED (a retry after a cut) resumes without a
/// new entry, SUSPENDED resumes with a new <c>transfer.started</c> entry (no second use) — but only
/// the party that suspended it resumes it — and TERMINATED or unknown starts it (again); (3) the asset must still be stored under
/// the label agreed, and the consumer active with an age recipient; (4) <c>dataspace.transfer</c>
/// decides now; (5) a resumed transfer goes on under its recorded entry; (6) otherwise the bundle
/// and then <c>transfer.started</c>, with the decision record, go into the ledger — only then is
/// the ticket returned, and only a ticketed transfer's content is ever sent.
/// </summary>
/// <param name="Caller">The authenticated participant (the token's subject).</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="TransferId">The consumer's transfer id.</param>
/// <param name="ByProvider">The provider resumes a transfer it suspended (its local API), rather than the consumer asking for it.</param>
public sealed record StartTransfer(string Caller, string AgreementId, string TransferId, bool ByProvider = false) : ICommand<Result<TransferTicket>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate() => string.IsNullOrWhiteSpace(AgreementId) ? Error.Invalid("agreementId is required.") : TransferIds.Validate(TransferId);
}

internal sealed class StartTransferHandler(
    AgreementVerifier verifier,
    ProvidedTransfers transfers,
    TransferTermination termination,
    ConnectorStores stores,
    PolicyGate policy,
    BundleRecorder bundles,
    BrokerClient broker,
    ParticipantKeys keys,
    TimeProvider clock,
    ILogger<StartTransferHandler> logger) : ICommandHandler<StartTransfer, Result<TransferTicket>>
{
    public async ValueTask<Result<TransferTicket>> Handle(StartTransfer command, CancellationToken cancellationToken)
    {
        var (transferId, agreementId) = (command.TransferId, command.AgreementId);
        using var serialised = await transfers.LockAsync(transferId, cancellationToken).ConfigureAwait(false);

        // Step 1: the agreement, verified.
        var verified = await verifier.VerifyAsync(agreementId, command.Caller, cancellationToken).ConfigureAwait(false);
        if (!verified.IsSuccess)
        {
            return verified.Error;
        }
        var (agreement, view, consumer) = (verified.Value.Agreement, verified.Value.View, verified.Value.Consumer);

        // Step 2: what the ledger says of this transfer.
        var known = await transfers.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        if (known is not null && known.AgreementId != agreementId)
        {
            return Error.Conflict($"Transfer {transferId} belongs to another agreement; choose another transfer id.");
        }
        var state = verified.Value.StateOf(transferId);
        if (state == "COMPLETED")
        {
            return Error.Conflict($"Transfer {transferId} is already COMPLETED; ask with a new transfer id for another copy.");
        }
        // Only the party that suspended a transfer lets it go on: the provider's resumption needs its own suspension, and the consumer's request waits for it.
        var pausedByProvider = state == "SUSPENDED" && view.TransferOf(transferId)?.SuspendedBy == keys.ParticipantId;
        if (command.ByProvider != pausedByProvider)
        {
            return command.ByProvider
                ? Error.Conflict($"Transfer {transferId} is {state ?? "not started"}, not SUSPENDED by this provider: there is nothing for it to resume.")
                : Error.Conflict($"Transfer {transferId} is SUSPENDED by the provider; it goes on once the provider resumes it.");
        }
        var resume = state == "STARTED" && known is not null;
        var usesSoFar = view.Uses;
        if (state is "STARTED" or "SUSPENDED")
        {
            // Counted among the uses already: the question is whether it may go on.
            usesSoFar--;
        }
        if (state == "STARTED" && known is null)
        {
            const string Lost = "The provider has no record of this started transfer (its state was lost); it is ended here and started again.";
            if (await termination.RecordAsync(transferId, agreementId, Lost, cancellationToken).ConfigureAwait(false) is { } unrecorded)
            {
                return unrecorded;
            }
        }

        // Step 3: something to send, and someone to send it to.
        var recipient = consumer.Recipient();
        var problem = consumer.NotActive("consumer") ?? recipient.Error ?? await SourceProblemAsync(agreement, cancellationToken).ConfigureAwait(false);

        // Step 4: the transfer policy, now.
        var now = Timestamps.Now(clock);
        GateDecision? decision = null;
        if (problem is null)
        {
            decision = await policy.DecideAsync(PolicyInputs.TransferPath, PolicyInputs.Transfer(consumer.Subject, agreement, usesSoFar, now), cancellationToken).ConfigureAwait(false);
            problem = decision.Allowed ? null : Error.Forbidden($"The provider's transfer policy denies transfer {transferId}: {string.Join("; ", decision.Reasons)}");
        }

        // Step 5: a transfer the ledger shows STARTED goes on under its recorded entry; one that can go on no more ends here.
        if ((resume || state == "SUSPENDED") && problem is not null)
        {
            return await termination.RecordAsync(transferId, agreementId, problem.Message, cancellationToken).ConfigureAwait(false) ?? problem;
        }
        if (resume)
        {
            TransferLog.Resumed(logger, transferId);
            return known!.Ticket(resumed: true);
        }
        if (problem is not null)
        {
            return problem;
        }

        // Step 6: STARTED in the ledger before a byte leaves — the bundle first, so the decision can be re-evaluated.
        if (await bundles.EnsureAsync(cancellationToken).ConfigureAwait(false) is { } noBundle)
        {
            return noBundle;
        }
        var started = new TransferStarted(transferId, agreementId, keys.ParticipantId, agreement.Consumer, agreement.AssetId, now, decision!.Record);
        var entry = LedgerEntry.FromRecord(TransferStarted.EntryType, started, [keys.Signer]);
        var transfer = new ProvidedTransfer(transferId, agreementId, agreement.Consumer, agreement.AssetId, entry.ToJson(), decision.Obligations);
        await transfers.SaveAsync(transfer, cancellationToken).ConfigureAwait(false);
        var recorded = await broker.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        if (!recorded.IsSuccess)
        {
            // Refused: nothing is in the ledger. Unavailable: it may be — the kept record lets a retry resume it.
            if (recorded.Error.Kind != ErrorKind.Unavailable)
            {
                transfers.Delete(transferId);
            }
            return recorded.Error;
        }
        transfer = transfer with { StartedIndex = recorded.Value.Index };
        await transfers.SaveAsync(transfer, CancellationToken.None).ConfigureAwait(false);
        TransferLog.Started(logger, transferId, agreementId, agreement.Consumer, recorded.Value.Index);
        return transfer.Ticket(resumed: false);
    }

    /// <summary>The asset must still be stored, under the very label the agreement was made for.</summary>
    private async Task<Error?> SourceProblemAsync(Agreement agreement, CancellationToken cancellationToken)
    {
        if (await stores.Assets.GetInfoAsync(agreement.AssetId, cancellationToken).ConfigureAwait(false) is not { } asset)
        {
            return Error.Conflict($"The asset {agreement.AssetId} is no longer stored at the provider.");
        }
        var stored = asset.Metadata.TryGetValue(AssetView.LabelMetadata, out var label) ? JsonNode.Parse(label) : null;
        return stored is not null && CanonicalJson.Serialize(stored).AsSpan().SequenceEqual(CanonicalJson.Serialize(agreement.Label))
            ? null
            : Error.Conflict($"The label of asset {agreement.AssetId} changed since agreement {agreement.AgreementId}; negotiate a new agreement.");
    }
}
