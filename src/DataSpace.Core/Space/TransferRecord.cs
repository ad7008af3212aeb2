using DataSpace.Core.Transfers;

namespace DataSpace.Core.Space;

/// <summary>A transfer as the ledger tells it.</summary>
/// <param name="TransferId">The transfer id.</param>
/// <param name="AgreementId">Its agreement.</param>
/// <param name="State">Its state (STARTED, SUSPENDED, COMPLETED or TERMINATED; REQUESTED never reaches the ledger).</param>
/// <param name="StartedAt">Index of its latest <c>transfer.started</c> entry.</param>
/// <param name="Completion">The receipt, once completed.</param>
/// <param name="Deleted">True once the consumer recorded the data deleted.</param>
/// <param name="SuspendedBy">Who suspended it, while SUSPENDED.</param>
public sealed record TransferRecord(string TransferId, string AgreementId, TransferState State, ulong StartedAt, TransferCompleted? Completion = null, bool Deleted = false, string? SuspendedBy = null);
