using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace DataSpace.Storage.Azure;

/// <summary>
/// The blob store on Azure Blob Storage (Azurite locally): each key is a block blob of the same name
/// holding exactly the content; digest, time and metadata are the blob's Azure metadata, or a sidecar
/// blob when the metadata is larger than Azure's 8 KiB allow (see <see cref="AzureBlobEntries"/>,
/// docs/formats.md, "Asset stores"). The container is created on the first put if it is missing.
/// </summary>
/// <remarks>
/// <para>Atomicity comes from Put Block List. A put stages its content as uncommitted blocks and commits
/// the list in one request at the end: until then nothing is readable or listed under the key (or the old
/// version stays, whole), and a put that fails or dies leaves only uncommitted blocks, which Azure
/// discards after seven days. Uploading to a temporary blob and copying it over the key is not atomic
/// in the same way: Copy Blob is asynchronous for large blobs (the destination is pending meanwhile),
/// Copy Blob From URL stops at 256 MiB, and a crash leaves a visible temporary blob behind.</para>
/// <para>Readers see one version: a read describes the blob, then downloads it on condition that its ETag
/// is unchanged (the SDK keeps that condition when it resumes a broken download), so it reads again or
/// fails rather than splice two versions.</para>
/// <para>Concurrent puts to one key: committing a block list discards every other uncommitted block of
/// the blob, so the put that commits second fails with <see cref="BlobConflictException"/> and publishes
/// nothing. Each commit is conditional on the version it replaces, so the replaced version's sidecar is
/// known exactly and deleted.</para>
/// </remarks>
public sealed class AzureBlobStore : IBlobStore
{
    // A reader retries when a version changed between the blob's properties and its sidecar; more
    // attempts than this means the key is being overwritten without pause.
    private const int ReadAttempts = 5;

    private volatile bool _containerReady;

    /// <summary>A store in the container <paramref name="container"/> points to.</summary>
    public AzureBlobStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        Container = container;
    }

    /// <summary>A store in container <paramref name="containerName"/> of the account the connection string names.</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public AzureBlobStore(string connectionString, string containerName)
        : this(new BlobContainerClient(connectionString, containerName))
    {
    }

    /// <summary>The container holding the blobs.</summary>
    public BlobContainerClient Container { get; }

    /// <inheritdoc/>
    public Task<BlobInfo> PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken = default) => PutAsync(key, content, metadata, check: null, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// <para>Step 1: check key, source and metadata; make sure the container exists (once per store).</para>
    /// <para>Step 2: metadata too large for Azure's 8 KiB goes to this version's sidecar blob first.</para>
    /// <para>Step 3: stage the content as blocks with ids unique to this put, hashing it as it streams.</para>
    /// <para>Step 4: commit the block list with the digest, time and metadata, on condition that the key still
    /// holds the version read just before — the single step that publishes.</para>
    /// <para>Step 5: delete the replaced version's sidecar, and sidecars abandoned by crashed puts.</para>
    /// </remarks>
    public async Task<BlobInfo> PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, PublishCheck? check,
        CancellationToken cancellationToken = default)
    {
        // Step 1
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        var metadataJson = BlobMetadata.Encode(metadata);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = Container.GetBlockBlobClient(key);
        var version = Guid.NewGuid();
        var versionHex = version.ToString("N");
        string? sidecar = null;
        AzureBlobEntries entries;
        StagedContent staged;
        CurrentVersion? replaced;
        try
        {
            // Step 2
            if (!AzureBlobEntries.FitsInline(metadataJson))
            {
                sidecar = AzureBlobEntries.SidecarFor(versionHex);
                await Sidecars.WriteAsync(Container, key, sidecar, metadataJson, cancellationToken).ConfigureAwait(false);
            }

            // Step 3
            staged = await BlockUpload.StageAsync(blob, content, version, cancellationToken).ConfigureAwait(false);
            if (check is not null)
            {
                await check(staged.Size, staged.Sha256, cancellationToken).ConfigureAwait(false);
            }

            // Step 4: cancellation is honoured up to here; the commit itself runs to its end, so that a
            // cancelled put has certainly published nothing and a put that returns has published.
            cancellationToken.ThrowIfCancellationRequested();
            replaced = await CurrentAsync(key).ConfigureAwait(false);
            entries = AzureBlobEntries.For(versionHex, staged.Sha256, BlobTime.Now(), metadataJson);
            await CommitAsync(key, staged, entries, replaced).ConfigureAwait(false);
        }
        catch when (sidecar is not null)
        {
            // Nothing refers to this put's sidecar: it was not published.
            await Sidecars.TryDeleteAsync(Container, key, sidecar).ConfigureAwait(false);
            throw;
        }

        // Step 5
        if (replaced?.Entries?.Sidecar is { } old)
        {
            await Sidecars.TryDeleteAsync(Container, key, old).ConfigureAwait(false);
        }
        await Sidecars.SweepAbandonedAsync(Container, key, keep: sidecar).ConfigureAwait(false);
        return new BlobInfo(key, staged.Size, staged.Sha256, Copy(metadata), entries.CreatedAt);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Reads the description first, then downloads on condition that the ETag is still the one described
    /// (and, since Azurite can pair one version's headers with another's body, that the length agrees): the
    /// stream and <see cref="OpenedBlob.Info"/> are always of one version. A version replaced in between is
    /// read again.
    /// </remarks>
    public async Task<OpenedBlob?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        for (var attempt = 1; attempt <= ReadAttempts; attempt++)
        {
            var described = await DescribeCurrentAsync(key, cancellationToken).ConfigureAwait(false);
            if (described is null)
            {
                return null;
            }
            var (info, etag) = described.Value;
            BlobDownloadStreamingResult download;
            try
            {
                var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } };
                download = (await Container.GetBlobClient(key).DownloadStreamingAsync(options, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                continue; // replaced or deleted since it was described
            }
            if (download.Details.ContentLength == info.Size)
            {
                return new OpenedBlob(info, download.Content, download);
            }
            download.Dispose();
        }
        throw KeptChanging(key);
    }

    /// <inheritdoc/>
    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return await ReadInfoAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        try
        {
            return (await Container.GetBlobClient(key).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false; // no container
        }
    }

    /// <inheritdoc/>
    /// <remarks>The delete is conditional on the version just read, so that the sidecar deleted with it is
    /// that version's and not the one of a put that published in between.</remarks>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        for (var attempt = 1; attempt <= ReadAttempts; attempt++)
        {
            if (await CurrentAsync(key, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return false;
            }
            try
            {
                await Container.GetBlobClient(key).DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots,
                    new BlobRequestConditions { IfMatch = current.ETag }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false; // a concurrent delete came first
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue; // overwritten since we looked: look again
            }
            if (current.Entries?.Sidecar is { } sidecar)
            {
                await Sidecars.TryDeleteAsync(Container, key, sidecar).ConfigureAwait(false);
            }
            await Sidecars.SweepAbandonedAsync(Container, key, keep: null).ConfigureAwait(false);
            return true;
        }
        throw KeptChanging(key);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        var options = new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix.Length == 0 ? null : prefix };
        var items = Container.GetBlobsAsync(options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = items.ConfigureAwait(false);
        while (await NextAsync(items).ConfigureAwait(false))
        {
            var item = items.Current;
            if (BlobKey.IsReserved(item.Name))
            {
                continue; // a sidecar
            }
            var info = await DescribeAsync(item.Name, item.Metadata, item.Properties.ContentLength ?? 0,
                    item.Properties.ETag ?? default, cancellationToken).ConfigureAwait(false)
                // Overwritten since the listing page was read: describe the version there now, if any.
                ?? await ReadInfoAsync(item.Name, cancellationToken).ConfigureAwait(false);
            if (info is not null)
            {
                yield return info;
            }
        }
    }

    private async Task<BlobInfo?> ReadInfoAsync(string key, CancellationToken cancellationToken) =>
        (await DescribeCurrentAsync(key, cancellationToken).ConfigureAwait(false))?.Info;

    /// <summary>The description of the version the key holds now, with its ETag; <see langword="null"/> when none.</summary>
    private async Task<(BlobInfo Info, ETag ETag)?> DescribeCurrentAsync(string key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= ReadAttempts; attempt++)
        {
            BlobProperties properties;
            try
            {
                properties = await Container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
            if (await DescribeAsync(key, properties.Metadata, properties.ContentLength, properties.ETag, cancellationToken).ConfigureAwait(false) is { } info)
            {
                return (info, properties.ETag);
            }
        }
        throw KeptChanging(key);
    }

    /// <summary>
    /// The description of the version with these Azure metadata; <see langword="null"/> when its sidecar is
    /// gone because the key was overwritten or deleted since (the caller reads again).
    /// </summary>
    private async Task<BlobInfo?> DescribeAsync(string key, IDictionary<string, string> azureMetadata, long size, ETag etag,
        CancellationToken cancellationToken)
    {
        var entries = AzureBlobEntries.Parse(key, azureMetadata);
        var metadata = entries.InlineMetadata is { } inline
            ? BlobMetadata.Decode(inline, $"blob '{key}'")
            : await Sidecars.TryReadAsync(Container, key, entries.Sidecar!, cancellationToken).ConfigureAwait(false);
        if (metadata is not null)
        {
            return new BlobInfo(key, size, entries.Sha256, metadata, entries.CreatedAt);
        }
        if ((await CurrentAsync(key, cancellationToken).ConfigureAwait(false))?.ETag == etag)
        {
            throw new InvalidDataException($"Blob '{key}' refers to the metadata sidecar {entries.Sidecar}, which is missing.");
        }
        return null;
    }

    /// <summary>The version the key holds now (ETag, and our entries if it has valid ones); <see langword="null"/> when none.</summary>
    private async Task<CurrentVersion?> CurrentAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await Container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            AzureBlobEntries? entries;
            try
            {
                entries = AzureBlobEntries.Parse(key, properties.Metadata);
            }
            catch (InvalidDataException)
            {
                entries = null; // written by another tool: it can still be replaced or deleted
            }
            return new CurrentVersion(properties.ETag, entries);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task CommitAsync(string key, StagedContent staged, AzureBlobEntries entries, CurrentVersion? replaced)
    {
        var options = new CommitBlockListOptions
        {
            Metadata = entries.ToAzure(),
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            Conditions = replaced is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = replaced.ETag },
        };
        try
        {
            await Container.GetBlockBlobClient(key).CommitBlockListAsync(staged.BlockIds, options, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 || e.ErrorCode == BlobErrorCode.InvalidBlockList)
        {
            // Another put published first (the condition failed, or its commit discarded our blocks). If the
            // SDK retried a commit whose first attempt succeeded, the key holds our own version: not a conflict.
            if ((await CurrentAsync(key).ConfigureAwait(false))?.Entries?.Version != entries.Version)
            {
                throw new BlobConflictException(key, e);
            }
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerReady)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerReady = true;
        }
    }

    // The listing's first request fails when the container does not exist yet: that is an empty store.
    private static async Task<bool> NextAsync(IAsyncEnumerator<BlobItem> items)
    {
        try
        {
            return await items.MoveNextAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    private static IOException KeptChanging(string key) =>
        new($"Blob '{key}' changed on every one of {ReadAttempts} attempts to read it; try again.");

    private static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> metadata) =>
        new Dictionary<string, string>(metadata, StringComparer.Ordinal).AsReadOnly();

    private sealed record CurrentVersion(ETag ETag, AzureBlobEntries? Entries);
}
