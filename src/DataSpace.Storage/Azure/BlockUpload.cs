using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace DataSpace.Storage.Azure;

/// <summary>
/// Stages a stream as uncommitted blocks of a block blob (Put Block), one buffer at a time, hashing it on
/// the way. Staged blocks are invisible — not readable, not listed — until a Put Block List commits them.
/// </summary>
internal static class BlockUpload
{
    /// <summary>Block size: a 1 GiB put is 256 requests, and one buffer of this size is all the memory it takes.</summary>
    public const int BlockBytes = 4 << 20;

    /// <summary>Azure's limit of committed blocks per blob (so at most 195 GiB per blob at this block size).</summary>
    public const int MaxBlocks = 50_000;

    /// <summary>Stages all of <paramref name="content"/>; block ids are unique to this put.</summary>
    public static async Task<StagedContent> StageAsync(BlockBlobClient blob, Stream content, Guid version, CancellationToken cancellationToken)
    {
        using var copy = new HashingCopy(BlockBytes);
        var blockIds = new List<string>();
        while (await copy.ReadChunkAsync(content, cancellationToken).ConfigureAwait(false) is { IsEmpty: false } chunk)
        {
            if (blockIds.Count == MaxBlocks)
            {
                throw new IOException($"Blob '{blob.Name}' is larger than an Azure block blob can be ({MaxBlocks} blocks of {BlockBytes} bytes).");
            }
            var blockId = BlockId(version, blockIds.Count);
            // A seekable stream over the chunk lets the SDK retry the request by rewinding it.
            _ = MemoryMarshal.TryGetArray(chunk, out var segment);
            using var body = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            await blob.StageBlockAsync(blockId, body, new BlockBlobStageBlockOptions(), cancellationToken).ConfigureAwait(false);
            blockIds.Add(blockId);
        }
        return new StagedContent(blockIds, copy.Size, copy.Sha256Hex());
    }

    // The put's random version plus the block's index: blocks staged by two concurrent puts to one key
    // never share an id, so neither can commit the other's data. All ids have the same length, as Azure requires.
    private static string BlockId(Guid version, int index)
    {
        Span<byte> id = stackalloc byte[20];
        _ = version.TryWriteBytes(id);
        BinaryPrimitives.WriteInt32BigEndian(id[16..], index);
        return Convert.ToBase64String(id);
    }
}
