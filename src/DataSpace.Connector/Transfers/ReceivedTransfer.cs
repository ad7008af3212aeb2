using DataSpace.Connector.Received;

namespace DataSpace.Connector.Transfers;

/// <summary>The outcome of <see cref="ReceiveTransfer"/>: the consumer's record of the data, and whether this call received it (or an earlier one had).</summary>
/// <param name="Record">The record.</param>
/// <param name="IsNew">True when this call completed the transfer.</param>
internal sealed record ReceivedTransfer(ReceivedRecord Record, bool IsNew);
