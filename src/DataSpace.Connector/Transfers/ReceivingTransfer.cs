using System.Text.Json.Nodes;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The consumer's journal of a transfer under way (<c>DataDirectory/transfers/receiving</c>): written
/// before the content is fetched, and again — with the verified manifest and the signed receipt —
/// once the content is stored, so that a retry after a crash finishes the receipt instead of
/// fetching again. Deleted when the <see cref="Received.ReceivedRecord"/> is written or the
/// transfer ends TERMINATED. The data it points to is never readable while only this exists.
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">Its agreement.</param>
/// <param name="Provider">The provider.</param>
/// <param name="AssetId">The asset.</param>
/// <param name="BlobKey">Where the content is (being) stored in the received-data store.</param>
/// <param name="Obligations">The duties of the provider's transfer decision.</param>
/// <param name="Manifest">The verified, provider-signed manifest, once the content is stored.</param>
/// <param name="Receipt">The consumer-signed <c>transfer.completed</c> entry, once the content is stored.</param>
internal sealed record ReceivingTransfer(
    string TransferId,
    string AgreementId,
    string Provider,
    string AssetId,
    string BlobKey,
    IReadOnlyList<JsonObject> Obligations,
    JsonObject? Manifest = null,
    JsonObject? Receipt = null);
