using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Sealing;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The provider sends a started transfer's content (DESIGN §5 step 4d): the asset, age-encrypted
/// to the consumer's registered X25519 recipient as it streams — memory stays flat whatever the
/// size — with a seal manifest signed by the provider once the last byte is written (the
/// ciphertext digest is only known then). The manifest is kept for
/// <c>GET /transfers/{id}/manifest</c> before the response ends, so a consumer that saw the end of
/// the stream always finds it.
/// </summary>
/// <remarks>
/// Everything that can be checked is checked before the first byte: the caller is the transfer's
/// consumer, the ledger shows the transfer STARTED (no broker, no ledger entry — no data), the
/// consumer is active with a recipient, the asset is stored. A failure on the provider's side
/// after that cuts the connection (the consumer can never mistake a partial stream for a whole
/// one) and records the transfer TERMINATED; a consumer that goes away leaves it STARTED, to be
/// resumed with the same transfer id.
/// </remarks>
internal sealed class TransferSender(
    ProvidedTransfers transfers,
    BrokerClient broker,
    ConnectorStores stores,
    ParticipantKeys keys,
    TransferTermination termination,
    InFlightTransfers inFlight,
    TimeProvider clock,
    ILogger<TransferSender> logger)
{
    public const string ContentType = "application/octet-stream";

    public async Task<Result<OutgoingTransfer>> PrepareAsync(string transferId, string caller, CancellationToken cancellationToken)
    {
        var transfer = await FindAsync(transferId, caller, cancellationToken).ConfigureAwait(false);
        if (!transfer.IsSuccess)
        {
            return transfer.Error;
        }
        var t = transfer.Value;
        var view = await broker.GetAgreementAsync(t.AgreementId, cancellationToken).ConfigureAwait(false);
        if (!view.IsSuccess)
        {
            return view.Error;
        }
        var state = view.Value.TransferOf(transferId)?.State;
        if (state != "STARTED")
        {
            return Error.Conflict($"Transfer {transferId} is {state ?? "not started"} in the ledger, not STARTED; POST /transfers to start (or resume) it.");
        }
        var registration = await broker.GetParticipantAsync(t.Consumer, cancellationToken).ConfigureAwait(false);
        var consumer = registration.IsSuccess ? RegisteredPeer.From(registration.Value, t.Consumer) : registration.Error;
        if (!consumer.IsSuccess)
        {
            return consumer.Error;
        }
        var recipient = consumer.Value.Recipient();
        if ((consumer.Value.NotActive("consumer") ?? recipient.Error) is { } refused)
        {
            return await EndAsync(t, refused, cancellationToken).ConfigureAwait(false);
        }
        var asset = await stores.Assets.OpenReadAsync(t.AssetId, cancellationToken).ConfigureAwait(false);
        if (asset is null)
        {
            return await EndAsync(t, Error.Conflict($"The asset {t.AssetId} is no longer stored at the provider."), cancellationToken).ConfigureAwait(false);
        }
        return new OutgoingTransfer(t, recipient.Value, asset);
    }

    /// <summary>Streams the sealed asset as the response body; the caller writes nothing else.</summary>
    public async Task SendAsync(OutgoingTransfer outgoing, HttpContext http)
    {
        var t = outgoing.Transfer;
        var response = http.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        JsonObject manifest;
        // A suspension aborts the connection itself: the stream keeps Kestrel's own token (a linked one cost the provider ~4 MiB of peak RSS).
        using var stream = inFlight.Register(TransferSide.Provider, t.TransferId, http.Abort);
        try
        {
            // The store hashed the asset when it was registered: that digest is what the provider vouches for.
            var stored = outgoing.Asset.Info;
            var options = new SealOptions
            {
                Context = TransferManifests.Context(t.AgreementId, t.TransferId, t.AssetId, t.Consumer),
                KnownPlaintext = new KnownPlaintext(stored.Sha256, stored.Size),
                Clock = clock,
            };
            manifest = await Sealer.SealAsync(outgoing.Asset.Content, response.Body, [outgoing.Recipient], keys.Signer, options, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception) when (stream.Suspended)
        {
            // Suspended (and recorded so) while sending: the connection was cut, so the consumer never takes a part for the whole.
            TransferLog.StreamSuspended(logger, t.TransferId);
            return;
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            TransferLog.SendAborted(logger, t.TransferId);
            return;
        }
        catch (Exception e)
        {
            // The provider's own failure: cut the stream so no consumer takes it for whole, then end the transfer.
            TransferLog.SendFailed(logger, t.TransferId, e);
            http.Abort();
            await termination.RecordAsync(t.TransferId, t.AgreementId, "The provider failed while sending the content.", CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Kept before the response ends: the consumer asks for it as soon as it sees the end.
        using (await transfers.LockAsync(t.TransferId, CancellationToken.None).ConfigureAwait(false))
        {
            var current = await transfers.FindAsync(t.TransferId, CancellationToken.None).ConfigureAwait(false);
            if (current is not null && current.Started.ToJsonString() == t.Started.ToJsonString())
            {
                await transfers.SaveAsync(current with { Manifest = manifest }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        TransferLog.Sent(logger, t.TransferId, (long?)manifest["ciphertext"]?["size"] ?? 0);
    }

    /// <summary>The signed manifest of the stream whose ciphertext SHA-256 is <paramref name="ciphertextSha256"/>.</summary>
    public async Task<Result<JsonObject>> ManifestAsync(string transferId, string caller, string? ciphertextSha256, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(ciphertextSha256))
        {
            return Error.Invalid("ciphertextSha256 is required: the SHA-256 (hex) of the content received, so the manifest of that very stream is returned.");
        }
        var transfer = await FindAsync(transferId, caller, cancellationToken).ConfigureAwait(false);
        if (!transfer.IsSuccess)
        {
            return transfer.Error;
        }
        return transfer.Value.Manifest is { } manifest && (string?)manifest["ciphertext"]?["sha256"] == ciphertextSha256
            ? (JsonObject)manifest.DeepClone()
            : Error.NotFound($"No content stream of transfer {transferId} with ciphertext SHA-256 {ciphertextSha256} was sent to its end.");
    }

    /// <summary>The transfer, if <paramref name="caller"/> is its consumer (others learn nothing, not even that it exists).</summary>
    private async Task<Result<ProvidedTransfer>> FindAsync(string transferId, string caller, CancellationToken cancellationToken)
    {
        if (TransferIds.Validate(transferId, "The transfer id") is { } invalid)
        {
            return invalid;
        }
        var transfer = await transfers.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        return transfer is not null && transfer.Consumer == caller
            ? transfer
            : Error.NotFound($"No transfer {transferId} of {caller} at this provider; POST /transfers to start one.");
    }

    private async Task<Error> EndAsync(ProvidedTransfer transfer, Error problem, CancellationToken cancellationToken) =>
        await termination.RecordAsync(transfer.TransferId, transfer.AgreementId, problem.Message, cancellationToken).ConfigureAwait(false) ?? problem;
}
