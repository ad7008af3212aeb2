using Azure.Storage.Blobs;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Logs;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>
/// Cosignatures beside an Azure ledger, in the same layout as <see cref="FileCosignatureStore"/>:
/// one block blob per size and witness, <c>{folder}/{size:D20}/{witness}</c>, each the note
/// <see cref="CosignatureIntake"/> accepted. An upload replaces a blob in one step (Put Blob), so a
/// reader sees a witness's earlier note or its new one, whole; broker replicas sharing the
/// container share the cosignatures.
/// </summary>
/// <param name="container">The ledger's container.</param>
/// <param name="folder">The virtual folder, outside the ledger's segment and checkpoint prefixes.</param>
public sealed class AzureCosignatureStore(BlobContainerClient container, string folder = FileCosignatureStore.DirectoryName) : ICosignatureStore
{
    /// <inheritdoc/>
    public async Task SaveAsync(AcceptedCosignature cosignature, CancellationToken cancellationToken = default)
    {
        var witness = CosignatureWitness.StorageName(cosignature);
        var blob = container.GetBlobClient(SizeFolder(cosignature.Size) + witness);
        await blob.UploadAsync(BinaryData.FromString(cosignature.Note), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> LoadAsync(ulong size, CancellationToken cancellationToken = default) =>
        BlobTexts.ReadAllAsync(container, SizeFolder(size), cancellationToken);

    private string SizeFolder(ulong size) => $"{folder.TrimEnd('/')}/{LedgerLayout.CheckpointFileName(size)}/";
}
