using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Sealing;
using DataSpace.Hosting.Mediation;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The provider countersigns the consumer's receipt and records the transfer COMPLETED (DESIGN §5
/// step 4f): (1) the receipt must be a <c>transfer.completed</c> entry (2) that names exactly
/// what this provider sent — the digests, size and manifest of the last stream it finished —
/// (3) signed by the consumer's registered key alone; (4) the provider countersigns it and the
/// broker records it. Repeating a receipt already recorded answers the same.
/// </summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="TransferId">The transfer.</param>
/// <param name="Receipt">The consumer-signed <c>transfer.completed</c> entry.</param>
public sealed record CompleteTransfer(string Caller, string TransferId, JsonObject Receipt) : ICommand<Result<TransferReceipt>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate() => TransferIds.Validate(TransferId, "The transfer id");
}

internal sealed class CompleteTransferHandler(ProvidedTransfers transfers, BrokerClient broker, ParticipantKeys keys, ILogger<CompleteTransferHandler> logger)
    : ICommandHandler<CompleteTransfer, Result<TransferReceipt>>
{
    public async ValueTask<Result<TransferReceipt>> Handle(CompleteTransfer command, CancellationToken cancellationToken)
    {
        var transferId = command.TransferId;
        using var serialised = await transfers.LockAsync(transferId, cancellationToken).ConfigureAwait(false);
        var transfer = await transfers.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        if (transfer is null || transfer.Consumer != command.Caller)
        {
            return Error.NotFound($"No transfer {transferId} of {command.Caller} at this provider.");
        }

        // Step 1: a receipt entry.
        if (LedgerEntry.TryRead(command.Receipt, out var entry) is { IsAccepted: false } malformed)
        {
            return Error.Invalid($"The receipt is not a signed entry: {malformed.Reason}.");
        }
        if (entry!.Type != TransferCompleted.EntryType)
        {
            return Error.Invalid($"The receipt must be a {TransferCompleted.EntryType} entry, not {entry.Type}.");
        }
        var receipt = DomainJson.Read<TransferCompleted>(entry.Body, "the receipt");
        if (!receipt.IsSuccess)
        {
            return receipt.Error;
        }

        // Step 2: exactly what was sent.
        if (transfer.Manifest is null)
        {
            return Error.Conflict($"No content stream of transfer {transferId} was sent to its end; there is nothing to acknowledge.");
        }
        if (Mismatch(receipt.Value, transfer, transfer.Manifest) is { } mismatch)
        {
            return Error.Invalid($"The receipt does not describe what was sent: {mismatch} differs.");
        }
        if (transfer.CompletedIndex is { } done)
        {
            return new TransferReceipt(transferId, "COMPLETED", done);
        }

        // Step 3: signed by the consumer, and by nobody else yet.
        var registration = await broker.GetParticipantAsync(transfer.Consumer, cancellationToken).ConfigureAwait(false);
        var consumer = registration.IsSuccess ? RegisteredPeer.From(registration.Value, transfer.Consumer) : registration.Error;
        if (!consumer.IsSuccess)
        {
            return consumer.Error;
        }
        if (entry.Signatures.Count != 1 || !entry.IsSignedBy(consumer.Value.Key))
        {
            return Error.Forbidden($"The receipt must carry one signature, by {transfer.Consumer}'s registered key.");
        }

        // Step 4: countersigned and recorded.
        var recorded = await broker.RecordAsync(entry.Countersign(keys.Signer), cancellationToken).ConfigureAwait(false);
        if (!recorded.IsSuccess)
        {
            return recorded.Error.Kind == ErrorKind.Conflict && await IsCompletedAsync(transfer, cancellationToken).ConfigureAwait(false)
                ? new TransferReceipt(transferId, "COMPLETED", null)
                : recorded.Error;
        }
        await transfers.SaveAsync(transfer with { CompletedIndex = recorded.Value.Index }, CancellationToken.None).ConfigureAwait(false);
        TransferLog.Completed(logger, transferId, recorded.Value.Index);
        return new TransferReceipt(transferId, "COMPLETED", recorded.Value.Index);
    }

    private string? Mismatch(TransferCompleted receipt, ProvidedTransfer transfer, JsonObject signedManifest)
    {
        SealManifest manifest;
        try
        {
            manifest = SealManifest.FromSignedJson(signedManifest, keys.Signer.PublicKey);
        }
        catch (SealException)
        {
            return "the kept manifest";
        }
        return receipt.TransferId != transfer.TransferId ? "transferId"
            : receipt.AgreementId != transfer.AgreementId ? "agreementId"
            : receipt.CiphertextSha256 != manifest.CiphertextSha256 ? "ciphertextSha256"
            : receipt.PlaintextSha256 != manifest.PlaintextSha256 ? "plaintextSha256"
            : receipt.Size != manifest.PlaintextSize ? "size"
            : receipt.ManifestSha256 != TransferManifests.Sha256(signedManifest) ? "manifestSha256"
            : null;
    }

    private async Task<bool> IsCompletedAsync(ProvidedTransfer transfer, CancellationToken cancellationToken)
    {
        var view = await broker.GetAgreementAsync(transfer.AgreementId, cancellationToken).ConfigureAwait(false);
        return view.IsSuccess && view.Value.Transfers.Any(t => t.TransferId == transfer.TransferId && t.State == "COMPLETED");
    }
}
