namespace DataSpace.Connector.Usage;

/// <summary>The provider's answer to a usage notice: kept.</summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="Use">The use number noted.</param>
/// <param name="RecordedAt">When the provider wrote it down.</param>
public sealed record UsageNoticeReceipt(string TransferId, int Use, DateTimeOffset RecordedAt);
