using System.Text.Json.Nodes;

namespace DataSpace.Core.Transfers;

/// <summary>
/// The body of a <c>transfer.started</c> entry, signed by the provider before it releases a byte:
/// the agreement it serves, the transfer decision (with its input and bundle digest) and the time.
/// A retry with the same transfer id after a termination starts it again without a second use.
/// </summary>
/// <param name="TransferId">The transfer id, chosen by the consumer (a retry reuses it).</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Consumer">The consumer.</param>
/// <param name="AssetId">The asset sent.</param>
/// <param name="Time">When the provider checked and started.</param>
/// <param name="Decision">The <c>dataspace.transfer</c> decision record.</param>
public sealed record TransferStarted(string TransferId, string AgreementId, string Provider, string Consumer, string AssetId, DateTimeOffset Time, JsonObject Decision)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "transfer.started";
}
