using System.Text.Json.Nodes;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The provider's answer to <c>POST /transfers</c>: the transfer is STARTED in the ledger and its
/// content can be fetched (docs/formats.md, "Transfers").
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">Its agreement.</param>
/// <param name="AssetId">The asset that will be sent.</param>
/// <param name="State">Always <c>STARTED</c>.</param>
/// <param name="Resumed">True when the ledger already showed it STARTED (a retry after a cut): no new entry was recorded.</param>
/// <param name="Obligations">The duties of the provider's transfer decision (also inside <paramref name="Started"/>, signed).</param>
/// <param name="Started">The provider-signed <c>transfer.started</c> entry, decision record included.</param>
/// <param name="StartedIndex">Index of the <c>transfer.started</c> entry, when known.</param>
public sealed record TransferTicket(
    string TransferId,
    string AgreementId,
    string AssetId,
    string State,
    bool Resumed,
    IReadOnlyList<JsonObject> Obligations,
    JsonObject Started,
    ulong? StartedIndex = null);
