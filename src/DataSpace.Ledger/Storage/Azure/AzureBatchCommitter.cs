using Azure;
using Azure.Storage.Blobs.Models;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>
/// Commits one batch of appends as conditional append blocks, the only step that writes the
/// Azure ledger. Steps per block: (1) roll to a new segment when the current one is full;
/// (2) frame as many pending leaves as fit one block; (3) append it only if the blob still ends
/// where this writer believes it does; (4) on success count, index and acknowledge the leaves;
/// (5) on a lost race read the other writers' records and retry with renumbered leaves.
/// </summary>
internal static class AzureBatchCommitter
{
    public static async Task CommitAsync(List<PendingAppend> batch, AzureCommitContext context)
    {
        var next = 0;
        while (next < batch.Count)
        {
            var segment = context.Segments[^1];

            // Step 1: a full (or foreign, headerless) segment is never appended to.
            if (segment.Length == 0 || segment.BlockCount >= context.Options.MaxBlocksPerBlob)
            {
                await AdvanceSegmentAsync(context, segment).ConfigureAwait(false);
                continue;
            }

            // Step 2: frame the leaves that fit one block.
            var (block, count, offsets, hashes) = Frame(batch, next, context.Options.MaxBlockBytes);
            try
            {
                // Step 3: conditional append.
                using var content = new MemoryStream(block, writable: false);
                var info = await segment.Blob.AppendBlockAsync(content, new AppendBlobAppendBlockOptions
                {
                    Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = segment.Length },
                }).ConfigureAwait(false);

                // Step 4: durable; now count and acknowledge.
                Acknowledge(batch, next, count, context, segment, offsets, hashes);
                segment.Length += block.Length;
                segment.BlockCount = info.Value.BlobCommittedBlockCount;
                next += count;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Step 5: another writer appended first (or an SDK retry of our own block landed).
                var before = context.Tree.Size;
                await context.Sync.CatchUpAsync(context.Segments, CancellationToken.None).ConfigureAwait(false);
                if (OurBlockLanded(context.Tree, before, hashes))
                {
                    for (var i = 0; i < count; i++)
                    {
                        batch[next + i].Done.TrySetResult(before + (ulong)i);
                    }
                    next += count;
                }
            }
            catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == BlobErrorCode.BlockCountExceedsLimit)
            {
                segment.BlockCount = int.MaxValue;
            }
        }
    }

    /// <summary>
    /// Called when the last segment, as this writer last saw it, is full or has no header yet.
    /// Catches up first and decides on what is committed now, not on the view that sent it here:
    /// another writer may have started the next segment, or the header may have arrived meanwhile,
    /// leaving room. Only a segment still last, with a header and full, is followed by a new one.
    /// </summary>
    private static async Task AdvanceSegmentAsync(AzureCommitContext context, AzureSegment seen)
    {
        await context.Sync.CatchUpAsync(context.Segments, CancellationToken.None).ConfigureAwait(false);
        var last = context.Segments[^1];
        if (last != seen || last.Length > 0 && last.BlockCount < context.Options.MaxBlocksPerBlob)
        {
            return; // Append where the log now ends.
        }
        if (last.Length == 0)
        {
            // Another writer created this segment and has not written its header yet (or stopped
            // in between). The header follows from the segment's first index, so this writer may
            // write it as well: the conditional append at position 0 lands once, and a writer
            // that loses the race reads the header on its next catch-up.
            var completed = await AzureAppendBlobLedgerStore.CreateSegmentAsync(context.Container, context.Options, last.Ordinal, last.FirstIndex, CancellationToken.None).ConfigureAwait(false);
            (last.Length, last.BlockCount) = (completed.Length, completed.BlockCount);
            return;
        }
        var created = await AzureAppendBlobLedgerStore.CreateSegmentAsync(context.Container, context.Options, context.Segments.Count, context.Tree.Size, CancellationToken.None).ConfigureAwait(false);
        context.Segments.Add(created);
    }

    private static (byte[] Block, int Count, long[] Offsets, byte[][] Hashes) Frame(List<PendingAppend> batch, int start, int maxBytes)
    {
        var count = 0;
        var size = 0;
        while (start + count < batch.Count && size + SegmentFormat.RecordHeaderSize + batch[start + count].Leaf.Length <= maxBytes)
        {
            size += SegmentFormat.RecordHeaderSize + batch[start + count].Leaf.Length;
            count++;
        }
        var block = new byte[size];
        var offsets = new long[count];
        var hashes = new byte[count][];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            var leaf = batch[start + i].Leaf;
            hashes[i] = MerkleHash.HashLeaf(leaf);
            offsets[i] = position;
            SegmentFormat.WriteRecordHeader(block.AsSpan(position), leaf.Length, hashes[i]);
            leaf.CopyTo(block, position + SegmentFormat.RecordHeaderSize);
            position += SegmentFormat.RecordHeaderSize + leaf.Length;
        }
        return (block, count, offsets, hashes);
    }

    private static void Acknowledge(List<PendingAppend> batch, int start, int count, AzureCommitContext context, AzureSegment segment, long[] offsets, byte[][] hashes)
    {
        var first = context.Tree.Size;
        for (var i = 0; i < count; i++)
        {
            context.Positions.Set(first + (ulong)i, LeafPositions.Pack(segment.Ordinal, segment.Length + offsets[i]));
            context.Tree.Append(hashes[i]);
        }
        for (var i = 0; i < count; i++)
        {
            batch[start + i].Done.TrySetResult(first + (ulong)i);
        }
    }

    /// <summary>True when the records read back right after <paramref name="before"/> are exactly this block's.</summary>
    private static bool OurBlockLanded(InMemoryHashStore tree, ulong before, byte[][] hashes)
    {
        if (tree.Size - before < (ulong)hashes.Length)
        {
            return false;
        }
        var stored = new byte[MerkleHash.Size];
        for (var i = 0; i < hashes.Length; i++)
        {
            tree.ReadHashes([new NodeIndex(0, before + (ulong)i)], stored);
            if (!stored.AsSpan().SequenceEqual(hashes[i]))
            {
                return false;
            }
        }
        return true;
    }
}
