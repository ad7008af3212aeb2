using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Logs;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>
/// Checkpoints beside an Azure ledger: one block blob per size (<c>{folder}/{size:D20}</c>, outside the
/// ledger's own segment prefix, which the store lists as segments),
/// created only if absent (If-None-Match: *), so replicas signing the same size cannot overwrite
/// each other and a different note of a stored size is refused, as in the file store.
/// </summary>
public sealed class AzureCheckpointStore(BlobContainerClient container, string folder = "checkpoints") : ICheckpointStore
{
    private string Folder => folder.TrimEnd('/') + "/";

    /// <inheritdoc/>
    public async Task SaveAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var text = checkpoint.Note.Format();
        var blob = container.GetBlobClient(Folder + LedgerLayout.CheckpointFileName(checkpoint.Checkpoint.Size));
        try
        {
            await blob.UploadAsync(BinaryData.FromString(text), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var stored = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            if (stored != text)
            {
                throw new InvalidOperationException($"A different checkpoint of size {checkpoint.Checkpoint.Size} is already stored in {blob.Name}.", e);
            }
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> LoadAsync(CancellationToken cancellationToken = default) =>
        BlobTexts.ReadAllAsync(container, Folder, cancellationToken);
}
