using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>
/// Brings a writer's view of the log up to date with what is committed in Azure: on open, and
/// whenever a conditional append fails because another writer got there first. Every record
/// read is validated (framing and leaf hash) and added to the tree in log order.
/// </summary>
internal sealed class AzureSegmentSync(BlobContainerClient container, AzureLedgerOptions options, InMemoryHashStore tree, LeafPositions positions)
{
    /// <summary>Reads the committed tail of the last known segment and any newer segments; returns the segment to append to.</summary>
    public async Task<AzureSegment> CatchUpAsync(List<AzureSegment> segments, CancellationToken cancellationToken)
    {
        var current = segments[^1];
        await RefreshTailAsync(current, cancellationToken).ConfigureAwait(false);

        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, options.Prefix + "/", cancellationToken).ConfigureAwait(false))
        {
            if (!SegmentFormat.TryParseFileName(item.Name, out var firstIndex) || string.CompareOrdinal(item.Name, current.Blob.Name) <= 0)
            {
                continue;
            }
            // A newer segment exists, so the one before it is closed: but records may have been
            // appended to it after the tail was read above, so read it to its final length first.
            await RefreshTailAsync(current, cancellationToken).ConfigureAwait(false);
            current = await OpenSegmentAsync(item.Name, segments.Count, firstIndex, cancellationToken).ConfigureAwait(false);
            segments.Add(current);
        }
        return current;
    }

    private async Task RefreshTailAsync(AzureSegment segment, CancellationToken cancellationToken)
    {
        BlobProperties properties = await segment.Blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await ReadRecordsAsync(segment, properties.ContentLength, cancellationToken).ConfigureAwait(false);
        segment.BlockCount = properties.BlobCommittedBlockCount;
    }

    /// <summary>Reads a whole segment that this writer has not seen yet.</summary>
    public async Task<AzureSegment> OpenSegmentAsync(string name, int ordinal, ulong firstIndex, CancellationToken cancellationToken)
    {
        if (firstIndex != tree.Size)
        {
            throw new InvalidDataException($"Segment {name} starts at leaf {firstIndex}, but the log before it holds {tree.Size} leaves.");
        }
        var segment = new AzureSegment(container.GetAppendBlobClient(name), ordinal, firstIndex);
        BlobProperties properties = await segment.Blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        segment.BlockCount = properties.BlobCommittedBlockCount;
        await ReadRecordsAsync(segment, properties.ContentLength, cancellationToken).ConfigureAwait(false);
        return segment;
    }

    /// <summary>Reads records from the writer's known length up to <paramref name="committedLength"/>.</summary>
    private async Task ReadRecordsAsync(AzureSegment segment, long committedLength, CancellationToken cancellationToken)
    {
        if (segment.Length == 0)
        {
            if (committedLength == 0)
            {
                return; // Created by a writer that has not yet appended the header.
            }
            await ReadHeaderAsync(segment, cancellationToken).ConfigureAwait(false);
        }
        if (committedLength <= segment.Length)
        {
            return;
        }
        var response = await segment.Blob.DownloadStreamingAsync(
            new BlobDownloadOptions { Range = new HttpRange(segment.Length, committedLength - segment.Length) }, cancellationToken).ConfigureAwait(false);
        await using var content = response.Value.Content.ConfigureAwait(false);
        await using var buffered = new BufferedStream(response.Value.Content, 1 << 20);

        // Append blocks are atomic, so unlike a file a committed blob has no torn tail: every
        // committed byte must belong to a valid record, or the log has been tampered with.
        var end = SegmentScanner.ScanRecords(buffered, segment.Length, committedLength, options.MaxLeafBytes, (offset, hash) =>
        {
            positions.Set(tree.Size, LeafPositions.Pack(segment.Ordinal, offset));
            tree.Append(hash);
        });
        if (end != committedLength)
        {
            throw new InvalidDataException($"Segment {segment.Blob.Name} holds an invalid record at byte {end}.");
        }
        segment.Length = committedLength;
    }

    private static async Task ReadHeaderAsync(AzureSegment segment, CancellationToken cancellationToken)
    {
        var response = await segment.Blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, SegmentFormat.HeaderSize) }, cancellationToken).ConfigureAwait(false);
        if (!SegmentFormat.TryReadHeader(response.Value.Content.ToArray(), out var headerIndex) || headerIndex != segment.FirstIndex)
        {
            throw new InvalidDataException($"Segment {segment.Blob.Name} has a missing or wrong header.");
        }
        segment.Length = SegmentFormat.HeaderSize;
    }
}
