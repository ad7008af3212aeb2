using DataSpace.Core.Api;
using DataSpace.Core.Negotiation;

namespace DataSpace.Connector.Transfers;

/// <summary>An agreement the provider checked itself: FINALIZED in a ledger it witnessed, signed by all three parties.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="View">What the broker says of its use (uses so far, transfers and their states).</param>
/// <param name="Consumer">The consumer's registration, as of now.</param>
internal sealed record VerifiedAgreement(Agreement Agreement, AgreementView View, RegisteredPeer Consumer)
{
    /// <summary>The ledger state of <paramref name="transferId"/> under this agreement (STARTED, SUSPENDED, COMPLETED, TERMINATED), or null if it never started.</summary>
    public string? StateOf(string transferId) => View.TransferOf(transferId)?.State;
}
