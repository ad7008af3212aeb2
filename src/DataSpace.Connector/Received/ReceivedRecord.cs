using System.Text.Json.Nodes;

namespace DataSpace.Connector.Received;

/// <summary>
/// What the consumer keeps about one completed transfer, beside the data itself (which is stored
/// age-encrypted to this participant in the received-data store under <see cref="BlobKey"/>).
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">The agreement it came under.</param>
/// <param name="Provider">The provider.</param>
/// <param name="AssetId">The asset.</param>
/// <param name="BlobKey">Where the ciphertext is stored.</param>
/// <param name="PlaintextSha256">SHA-256 of the data, hex (from the verified manifest).</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="ReceivedAt">When it was stored.</param>
/// <param name="Obligations">The obligations of the transfer decision (delete_after, log_usage, notify_provider…).</param>
/// <param name="Uses">Reads made so far through the usage API.</param>
/// <param name="DeletedAt">When the data was deleted, or null while it is kept.</param>
/// <param name="DeletionIndex">Index of the <c>data.deleted</c> entry, once recorded.</param>
internal sealed record ReceivedRecord(
    string TransferId,
    string AgreementId,
    string Provider,
    string AssetId,
    string BlobKey,
    string PlaintextSha256,
    long Size,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<JsonObject> Obligations,
    int Uses = 0,
    DateTimeOffset? DeletedAt = null,
    ulong? DeletionIndex = null);
