using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Connector.Hosting;
using DataSpace.Connector.Negotiation;
using DataSpace.Connector.Received;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Sealing;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Mediation;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The consumer fetches the asset of one of its agreements (DESIGN §5 step 4, consumer side):
/// (1) the agreement must be one this connector holds; (2) a transfer already received answers
/// its record; (3) the provider's connector and key come from the registry; (4) a receipt an
/// interrupted attempt left is settled first; (5) the provider checks the contract and starts
/// the transfer, and its signed ticket names the duties that come with the data; (6) duties this
/// connector cannot enforce refuse the data; (7) the content is stored as it arrives, verified in
/// the same pass, and published only if it matches the provider-signed manifest; (8) the consumer
/// signs a receipt; (9) the provider countersigns and records it, and only then is the
/// <see cref="ReceivedRecord"/> written — the data is readable from that moment, never before.
/// Any failure ends the transfer TERMINATED with the reason and keeps nothing; the same transfer
/// id can be retried.
/// </summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="TransferId">The transfer id; repeat it to retry.</param>
internal sealed record ReceiveTransfer(string AgreementId, string TransferId) : ICommand<Result<ReceivedTransfer>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate() => string.IsNullOrWhiteSpace(AgreementId) ? Error.Invalid("agreementId is required.") : TransferIds.Validate(TransferId);
}

internal sealed class ReceiveTransferHandler(
    AgreementStore agreements,
    ReceivedIndex index,
    ReceivingJournal journal,
    BrokerClient broker,
    ProviderConnectorClient providers,
    ConnectorStores stores,
    ParticipantKeys keys,
    ConnectorOptions options,
    TransferTermination termination,
    InFlightTransfers inFlight,
    TimeProvider clock,
    ILogger<ReceiveTransferHandler> logger) : ICommandHandler<ReceiveTransfer, Result<ReceivedTransfer>>
{
    public async ValueTask<Result<ReceivedTransfer>> Handle(ReceiveTransfer command, CancellationToken cancellationToken)
    {
        var (agreementId, transferId) = (command.AgreementId, command.TransferId);

        // Step 1: an agreement this consumer holds.
        if (await agreements.FindAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return Error.NotFound($"This connector holds no FINALIZED agreement {agreementId}; negotiate one first (POST /negotiations).");
        }
        var agreement = stored.Agreement;
        using var serialised = await index.LockAsync(transferId, cancellationToken).ConfigureAwait(false);

        // Step 2: received already.
        if (await index.FindAsync(transferId, cancellationToken).ConfigureAwait(false) is { } done)
        {
            return done.AgreementId == agreementId
                ? new ReceivedTransfer(done, IsNew: false)
                : Error.Conflict($"Transfer {transferId} was received under agreement {done.AgreementId}; choose another transfer id.");
        }

        // Step 3: the provider's connector and key.
        var registration = await broker.GetParticipantAsync(agreement.Provider, cancellationToken).ConfigureAwait(false);
        var provider = registration.IsSuccess ? RegisteredPeer.From(registration.Value, agreement.Provider) : registration.Error;
        var endpoint = provider.IsSuccess ? provider.Value.Endpoint() : provider.Error!;
        if (!endpoint.IsSuccess)
        {
            return endpoint.Error;
        }

        // Step 4: a receipt left by an interrupted attempt is settled first.
        var pending = await journal.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        if (pending is not null && pending.AgreementId != agreementId)
        {
            return Error.Conflict($"Transfer {transferId} is under way for agreement {pending.AgreementId}; choose another transfer id.");
        }
        if (pending is { Receipt: not null })
        {
            var state = await LedgerStateAsync(pending, cancellationToken).ConfigureAwait(false);
            if (!state.IsSuccess)
            {
                return state.Error;
            }
            switch (state.Value)
            {
                case "COMPLETED":
                    return await KeepAsync(pending, null).ConfigureAwait(false);
                case "STARTED":
                    return await FinishAsync(pending, endpoint.Value, cancellationToken).ConfigureAwait(false);
                default:
                    await DiscardAsync(pending).ConfigureAwait(false);
                    break;
            }
        }

        // Step 5: the provider checks the contract and starts the transfer.
        var ticket = await providers.StartAsync(endpoint.Value, new TransferRequest(agreementId, transferId), cancellationToken).ConfigureAwait(false);
        if (!ticket.IsSuccess)
        {
            // No answer is not no start: the provider may have recorded it before it failed.
            if (ticket.Error.Kind == ErrorKind.Unavailable
                && await LedgerStateAsync(agreementId, transferId, CancellationToken.None).ConfigureAwait(false) is { IsSuccess: true, Value: "STARTED" })
            {
                await termination.RecordAsync(transferId, agreementId, ticket.Error.Message, CancellationToken.None).ConfigureAwait(false);
            }
            return ticket.Error;
        }
        var receiving = new ReceivingTransfer(transferId, agreementId, agreement.Provider, agreement.AssetId, $"{agreement.Provider}/{transferId}", []);
        var obligations = ReadTicket(ticket.Value, agreement, provider.Value.Key, transferId);
        if (!obligations.IsSuccess)
        {
            return await FailAsync(receiving, obligations.Error).ConfigureAwait(false);
        }
        receiving = receiving with { Obligations = obligations.Value };

        // Step 6: duties this connector cannot enforce refuse the data.
        var unenforceable = obligations.Value.Select(TypeOf).Where(type => type is null || !options.Enforces.Contains(type)).ToList();
        if (unenforceable.Count > 0)
        {
            return await FailAsync(receiving, Error.Conflict(
                $"The data comes with duties this connector does not enforce ({string.Join(", ", unenforceable.Select(t => t ?? "an untyped duty"))}; it enforces {string.Join(", ", options.Enforces)}); it was refused.")).ConfigureAwait(false);
        }

        // Step 7: stored as it arrives, verified in the same pass, published only if it matches.
        await journal.SaveAsync(receiving, cancellationToken).ConfigureAwait(false);
        var content = await ReceiveAsync(receiving, endpoint.Value, provider.Value.Key, cancellationToken).ConfigureAwait(false);
        if (!content.IsSuccess)
        {
            // A stream stopped (or refused) because either party suspended the transfer is no failure: nothing is kept, and it resumes later.
            if (await SuspensionAsync(receiving).ConfigureAwait(false) is { } suspended)
            {
                await DiscardAsync(receiving).ConfigureAwait(false);
                return suspended;
            }
            return await FailAsync(receiving, content.Error).ConfigureAwait(false);
        }

        // Step 8: the receipt, signed by this consumer, kept before it is sent.
        var digests = content.Value.Digests;
        var receipt = new TransferCompleted(
            transferId, agreementId, digests.PlaintextSha256, digests.CiphertextSha256, digests.PlaintextSize,
            TransferManifests.Sha256(content.Value.SignedManifest), Timestamps.Now(clock));
        var entry = LedgerEntry.FromRecord(TransferCompleted.EntryType, receipt, [keys.Signer]);
        receiving = receiving with { Manifest = content.Value.SignedManifest, Receipt = entry.ToJson() };
        await journal.SaveAsync(receiving, CancellationToken.None).ConfigureAwait(false);

        // Step 9: countersigned and recorded by the provider; then the data is this consumer's.
        return await FinishAsync(receiving, endpoint.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The obligations of a ticket whose <c>transfer.started</c> entry the provider signed for exactly this transfer.</summary>
    private Result<IReadOnlyList<JsonObject>> ReadTicket(TransferTicket ticket, Agreement agreement, Ed25519PublicKey providerKey, string transferId)
    {
        if (!LedgerEntry.TryRead(ticket.Started, out var entry).IsAccepted || entry!.Type != TransferStarted.EntryType || !entry.IsSignedBy(providerKey))
        {
            return Error.Forbidden($"The provider's answer carries no {TransferStarted.EntryType} entry signed by {agreement.Provider}'s registered key.");
        }
        var started = DomainJson.Read<TransferStarted>(entry.Body, "the transfer.started entry");
        if (!started.IsSuccess)
        {
            return started.Error;
        }
        var s = started.Value;
        return s.TransferId == transferId && s.AgreementId == agreement.AgreementId && s.Consumer == keys.ParticipantId && s.Provider == agreement.Provider && s.AssetId == agreement.AssetId
            ? Result<IReadOnlyList<JsonObject>>.Success(TransferManifests.Obligations(s.Decision))
            : Error.Forbidden($"The provider's {TransferStarted.EntryType} entry is not for transfer {transferId} of agreement {agreement.AgreementId}.");
    }

    private static string? TypeOf(JsonObject obligation) =>
        obligation["type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : null;

    /// <summary>Fetches the content into the received-data store through the verifying stream.</summary>
    private async Task<Result<VerifiedContent>> ReceiveAsync(ReceivingTransfer receiving, Uri endpoint, Ed25519PublicKey providerKey, CancellationToken cancellationToken)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stream = inFlight.Register(TransferSide.Consumer, receiving.TransferId, reading.Cancel);
        cancellationToken = reading.Token;
        try
        {
            var opened = await providers.OpenContentAsync(endpoint, receiving.TransferId, cancellationToken).ConfigureAwait(false);
            if (!opened.IsSuccess)
            {
                return opened.Error;
            }
            using var response = opened.Value;
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var expected = new ManifestExpectation(providerKey, receiving.AgreementId, receiving.TransferId, receiving.AssetId, keys.ParticipantId, keys.AgeIdentity.Recipient.ToString());
            await using var verifying = new VerifyingCiphertextStream(
                body, [keys.AgeIdentity], (sha256, ct) => providers.ManifestAsync(endpoint, receiving.TransferId, sha256, ct), expected);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TransferManifests.AgreementIdContext] = receiving.AgreementId,
                [TransferManifests.TransferIdContext] = receiving.TransferId,
                [TransferManifests.AssetIdContext] = receiving.AssetId,
                ["provider"] = receiving.Provider,
            };
            await stores.Received.PutAsync(receiving.BlobKey, verifying, metadata, verifying.CheckAsync, cancellationToken).ConfigureAwait(false);
            return verifying.Verified is { } verified
                ? verified
                : Error.Unavailable("The received-data store did not read the content to its end.");
        }
        catch (TransferFault fault)
        {
            return fault.Error;
        }
        catch (SealException e)
        {
            return Error.Forbidden($"The content did not verify: {e.Message} Nothing was kept.");
        }
        catch (AgeException e)
        {
            return Error.Forbidden($"The content is not a valid age file for this consumer ({e.Kind}): {e.Message} Nothing was kept.");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            return Error.Unavailable($"The content stream from the provider broke off: {e.Message} Nothing was kept.");
        }
    }

    /// <summary>Sends the receipt; when the provider does not confirm, the ledger decides what the transfer became.</summary>
    private async Task<Result<ReceivedTransfer>> FinishAsync(ReceivingTransfer receiving, Uri endpoint, CancellationToken cancellationToken)
    {
        var completed = await providers.CompleteAsync(endpoint, receiving.TransferId, receiving.Receipt!, cancellationToken).ConfigureAwait(false);
        if (completed.IsSuccess)
        {
            return await KeepAsync(receiving, completed.Value.Index).ConfigureAwait(false);
        }
        var error = completed.Error;
        var state = await LedgerStateAsync(receiving, cancellationToken).ConfigureAwait(false);
        if (state is { IsSuccess: true, Value: "STARTED" }
            && await termination.RecordAsync(receiving.TransferId, receiving.AgreementId, $"The receipt was not recorded: {error.Message}", CancellationToken.None).ConfigureAwait(false) is not null)
        {
            // Not ended: perhaps completed meanwhile.
            state = await LedgerStateAsync(receiving, CancellationToken.None).ConfigureAwait(false);
            if (state is { IsSuccess: true, Value: "STARTED" })
            {
                state = Error.Unavailable("the transfer could not be recorded TERMINATED");
            }
        }
        if (state is { IsSuccess: true, Value: "COMPLETED" })
        {
            return await KeepAsync(receiving, null).ConfigureAwait(false);
        }
        if (!state.IsSuccess)
        {
            return Error.Unavailable(
                $"{error.Message} The ledger cannot settle it now ({state.Error.Message}): the data stays unreadable until POST /received with transferId {receiving.TransferId} is repeated.");
        }
        await DiscardAsync(receiving).ConfigureAwait(false);
        return error;
    }

    /// <summary>The transfer is COMPLETED in the ledger: the data becomes this consumer's.</summary>
    private async Task<Result<ReceivedTransfer>> KeepAsync(ReceivingTransfer receiving, ulong? completedIndex)
    {
        LedgerEntry.TryRead(receiving.Receipt, out var entry);
        var receipt = DomainJson.Read<TransferCompleted>(entry!.Body, "the receipt").Value;
        var record = new ReceivedRecord(
            receiving.TransferId, receiving.AgreementId, receiving.Provider, receiving.AssetId, receiving.BlobKey,
            receipt.PlaintextSha256, receipt.Size, receipt.Time, receiving.Obligations);
        await index.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
        journal.Delete(receiving.TransferId);
        TransferLog.Completed(logger, receiving.TransferId, completedIndex);
        TransferLog.Received(logger, receiving.TransferId, receiving.Provider, receipt.Size, receiving.BlobKey);
        return new ReceivedTransfer(record, IsNew: true);
    }

    /// <summary>Ends the transfer with the reason and keeps nothing.</summary>
    private async Task<Result<ReceivedTransfer>> FailAsync(ReceivingTransfer receiving, Error error)
    {
        await DiscardAsync(receiving).ConfigureAwait(false);
        await termination.RecordAsync(receiving.TransferId, receiving.AgreementId, error.Message, CancellationToken.None).ConfigureAwait(false);
        return error;
    }

    /// <summary>Removes the content (also a copy an interrupted attempt may have published) and the journal.</summary>
    private async Task DiscardAsync(ReceivingTransfer receiving)
    {
        await stores.Received.DeleteAsync(receiving.BlobKey, CancellationToken.None).ConfigureAwait(false);
        journal.Delete(receiving.TransferId);
    }

    /// <summary>Why the transfer is paused, when the ledger shows it SUSPENDED; otherwise null.</summary>
    private async Task<Error?> SuspensionAsync(ReceivingTransfer receiving)
    {
        var ledger = await LedgerTransferAsync(receiving.AgreementId, receiving.TransferId, CancellationToken.None).ConfigureAwait(false);
        if (ledger is not { IsSuccess: true, Value: { State: "SUSPENDED" } transfer })
        {
            return null;
        }
        var resume = transfer.SuspendedBy == keys.ParticipantId
            ? $"POST /received with transferId {receiving.TransferId} again resumes it"
            : "it goes on once the provider resumes it";
        return Error.Conflict($"Transfer {receiving.TransferId} was SUSPENDED by {transfer.SuspendedBy} while its content moved; nothing of it was kept, and {resume}.");
    }

    private Task<Result<string?>> LedgerStateAsync(ReceivingTransfer receiving, CancellationToken cancellationToken) =>
        LedgerStateAsync(receiving.AgreementId, receiving.TransferId, cancellationToken);

    /// <summary>The transfer's state in the ledger (STARTED, SUSPENDED, COMPLETED, TERMINATED), or null if it never started.</summary>
    private async Task<Result<string?>> LedgerStateAsync(string agreementId, string transferId, CancellationToken cancellationToken)
    {
        var transfer = await LedgerTransferAsync(agreementId, transferId, cancellationToken).ConfigureAwait(false);
        return transfer.IsSuccess ? transfer.Value?.State : transfer.Error;
    }

    /// <summary>The transfer as the ledger shows it, or null if it never started.</summary>
    private async Task<Result<TransferStateView?>> LedgerTransferAsync(string agreementId, string transferId, CancellationToken cancellationToken)
    {
        var view = await broker.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false);
        return view.IsSuccess ? view.Value.TransferOf(transferId) : view.Error;
    }
}
