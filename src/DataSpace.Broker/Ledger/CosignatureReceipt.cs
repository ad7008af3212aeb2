namespace DataSpace.Broker.Ledger;

/// <summary>The answer to a stored cosignature.</summary>
/// <param name="Size">The size of the checkpoint cosigned.</param>
/// <param name="Witness">The participant that cosigned.</param>
/// <param name="Timestamp">The cosignature's time (POSIX seconds).</param>
internal sealed record CosignatureReceipt(ulong Size, string Witness, ulong Timestamp);
