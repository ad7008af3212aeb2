namespace DataSpace.Connector.Transfers;

/// <summary>The provider's answer to <c>POST /transfers/{id}/completion</c>: the receipt, countersigned, is in the ledger.</summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="State">Always <c>COMPLETED</c>.</param>
/// <param name="Index">Index of the <c>transfer.completed</c> entry; null when an earlier call recorded it and its index was not kept.</param>
public sealed record TransferReceipt(string TransferId, string State, ulong? Index = null);
