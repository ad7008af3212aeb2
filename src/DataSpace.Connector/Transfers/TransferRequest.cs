namespace DataSpace.Connector.Transfers;

/// <summary>The body of <c>POST /transfers</c>: the consumer connector asks the provider connector for the asset of an agreement.</summary>
/// <param name="AgreementId">The finalized agreement.</param>
/// <param name="TransferId">The transfer id the consumer chose; a retry repeats it.</param>
public sealed record TransferRequest(string AgreementId, string TransferId);
