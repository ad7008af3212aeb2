namespace DataSpace.Ledger.Storage;

/// <summary>A queued append waiting for its batch to become durable.</summary>
internal sealed record PendingAppend(byte[] Leaf, TaskCompletionSource<ulong> Done);
