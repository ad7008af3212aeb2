namespace DataSpace.Connector.Usage;

/// <summary>The data was deleted (delete-after): when, and the index of its <c>data.deleted</c> ledger entry once recorded.</summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="DeletedAt">When it was deleted.</param>
/// <param name="DeletionIndex">The ledger index of the <c>data.deleted</c> entry; null while the broker has not recorded it yet.</param>
public sealed record DeletedData(string TransferId, DateTimeOffset DeletedAt, ulong? DeletionIndex) : UseOutcome;
