using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace DataSpace.Storage.Azure;

/// <summary>
/// Metadata sidecar blobs, <c>&lt;key&gt;/.meta.&lt;version&gt;.json</c>: the metadata JSON of a version
/// whose metadata does not fit Azure's 8 KiB. One per version, never overwritten, so a reader that found
/// a version's sidecar name reads that version's metadata or nothing; the segment starting with
/// <c>.</c> keeps it out of every listing and out of reach of any key.
/// </summary>
internal static class Sidecars
{
    /// <summary>
    /// Age after which an unreferenced sidecar is abandoned: the put that wrote it crashed, since Azure
    /// discards a put's uncommitted blocks after seven days, after which it can no longer commit.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(7);

    public static string FullName(string key, string sidecar) => key + "/" + sidecar;

    /// <summary>Writes a sidecar with one Put Blob, which is atomic; it must not exist yet.</summary>
    public static Task WriteAsync(BlobContainerClient container, string key, string sidecar, byte[] json, CancellationToken cancellationToken) =>
        container.GetBlobClient(FullName(key, sidecar)).UploadAsync(BinaryData.FromBytes(json), overwrite: false, cancellationToken);

    /// <summary>The metadata in a sidecar; <see langword="null"/> when it is gone.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> TryReadAsync(BlobContainerClient container, string key, string sidecar,
        CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(FullName(key, sidecar)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return BlobMetadata.Decode(response.Value.Content.ToMemory().Span, $"blob '{key}' (sidecar {sidecar})");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes a sidecar, ignoring failures: a leftover is invisible and swept later.</summary>
    public static async Task TryDeleteAsync(BlobContainerClient container, string key, string sidecar)
    {
        try
        {
            await container.GetBlobClient(FullName(key, sidecar)).DeleteIfExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
        }
    }

    /// <summary>Deletes the key's sidecars, other than <paramref name="keep"/>, older than <see cref="AbandonedAfter"/>.</summary>
    public static async Task SweepAbandonedAsync(BlobContainerClient container, string key, string? keep)
    {
        var before = DateTimeOffset.UtcNow - AbandonedAfter;
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = key + "/.meta." }).ConfigureAwait(false))
            {
                if (item.Name != (keep is null ? null : FullName(key, keep)) && item.Properties.LastModified < before)
                {
                    await container.GetBlobClient(item.Name).DeleteIfExistsAsync().ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException)
        {
            // Housekeeping only: the next put or delete of the key tries again.
        }
    }
}
