using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>The small text blobs kept beside an Azure ledger (checkpoint and cosignature notes), read back under a prefix.</summary>
internal static class BlobTexts
{
    /// <summary>The UTF-8 text of every blob whose name starts with <paramref name="prefix"/>, in name order.</summary>
    public static async Task<IReadOnlyList<string>> ReadAllAsync(BlobContainerClient container, string prefix, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            texts.Add(Encoding.UTF8.GetString(content.Value.Content));
        }
        return texts;
    }
}
