using System.Text.Json.Nodes;
using DataSpace.Connector.Received;

namespace DataSpace.Connector.Usage;

/// <summary>Received data as the local API shows it (the record, without where the ciphertext is stored).</summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">The agreement it came under.</param>
/// <param name="Provider">The provider.</param>
/// <param name="AssetId">The asset.</param>
/// <param name="PlaintextSha256">SHA-256 of the data, hex.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="ReceivedAt">When it was stored.</param>
/// <param name="Obligations">The obligations of the provider's transfer decision.</param>
/// <param name="Uses">Reads made of this transfer's data.</param>
/// <param name="DeletedAt">When it was deleted, or null while kept.</param>
/// <param name="DeletionIndex">Ledger index of its <c>data.deleted</c> entry, once recorded.</param>
internal sealed record ReceivedView(
    string TransferId,
    string AgreementId,
    string Provider,
    string AssetId,
    string PlaintextSha256,
    long Size,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<JsonObject> Obligations,
    int Uses,
    DateTimeOffset? DeletedAt,
    ulong? DeletionIndex)
{
    public static ReceivedView Of(ReceivedRecord r) =>
        new(r.TransferId, r.AgreementId, r.Provider, r.AssetId, r.PlaintextSha256, r.Size, r.ReceivedAt, r.Obligations, r.Uses, r.DeletedAt, r.DeletionIndex);
}
