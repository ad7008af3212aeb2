using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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
    public async Task<IReadOnlyList<string>> LoadAsync(ulong size, CancellationToken cancellationToken = default)
    {
        var notes = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = SizeFolder(size) }, cancellationToken).ConfigureAwait(false))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            notes.Add(Encoding.UTF8.GetString(content.Value.Content));
        }
        return notes;
    }

    private string SizeFolder(ulong size) => $"{folder.TrimEnd('/')}/{LedgerLayout.CheckpointFileName(size)}/";
}
