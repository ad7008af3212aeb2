using System.Text.Json.Nodes;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// What the provider keeps about a transfer it started: the signed <c>transfer.started</c> entry
/// (written before the broker is asked to record it, so a retry after a crash finds it), the
/// manifest of the last content stream that finished, and the completion once recorded.
/// The ledger, not this record, says what state the transfer is in.
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">Its agreement.</param>
/// <param name="Consumer">The consumer it is for (the only caller allowed to fetch it).</param>
/// <param name="AssetId">The asset sent.</param>
/// <param name="Started">The provider-signed <c>transfer.started</c> entry.</param>
/// <param name="Obligations">The duties of the transfer decision.</param>
/// <param name="StartedIndex">Its index in the ledger, once the broker answered.</param>
/// <param name="Manifest">The signed seal manifest of the last content stream sent to its end.</param>
/// <param name="CompletedIndex">Index of the <c>transfer.completed</c> entry, once recorded.</param>
internal sealed record ProvidedTransfer(
    string TransferId,
    string AgreementId,
    string Consumer,
    string AssetId,
    JsonObject Started,
    IReadOnlyList<JsonObject> Obligations,
    ulong? StartedIndex = null,
    JsonObject? Manifest = null,
    ulong? CompletedIndex = null)
{
    public TransferTicket Ticket(bool resumed) =>
        new(TransferId, AgreementId, AssetId, "STARTED", resumed, Obligations, (JsonObject)Started.DeepClone(), StartedIndex);
}
