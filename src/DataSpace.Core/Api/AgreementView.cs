using System.Text.Json.Nodes;

namespace DataSpace.Core.Api;

/// <summary>A finalized agreement with what the ledger says of its use.</summary>
/// <param name="AgreementId">The agreement id.</param>
/// <param name="Index">Index of its <c>contract.agreement</c> entry (prove its inclusion with /ledger/proofs/inclusion).</param>
/// <param name="Entry">The entry as recorded, with the three signatures.</param>
/// <param name="Uses">Transfers started or completed under it.</param>
/// <param name="UsesLeft">Transfers still allowed; null for no limit.</param>
/// <param name="Transfers">Its transfers and their states.</param>
public sealed record AgreementView(string AgreementId, ulong Index, JsonObject Entry, int Uses, IReadOnlyList<TransferStateView> Transfers, int? UsesLeft = null)
{
    /// <summary>The transfer <paramref name="transferId"/> as the ledger shows it, or null if it never started.</summary>
    public TransferStateView? TransferOf(string transferId) => Transfers.FirstOrDefault(t => t.TransferId == transferId);
}

/// <summary>A transfer's state in the ledger.</summary>
/// <param name="TransferId">The transfer id.</param>
/// <param name="State">STARTED, SUSPENDED, COMPLETED or TERMINATED.</param>
/// <param name="Deleted">True once the consumer recorded the data deleted.</param>
/// <param name="SuspendedBy">Who suspended it, while SUSPENDED: only that party resumes it.</param>
public sealed record TransferStateView(string TransferId, string State, bool Deleted, string? SuspendedBy = null);
