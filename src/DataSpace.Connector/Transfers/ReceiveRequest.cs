namespace DataSpace.Connector.Transfers;

/// <summary>The body of the consumer's <c>POST /received</c>.</summary>
/// <param name="AgreementId">The finalized agreement whose asset to fetch.</param>
/// <param name="TransferId">A transfer id to use (repeat it to retry); a fresh one when absent.</param>
internal sealed record ReceiveRequest(string AgreementId, string? TransferId = null);
