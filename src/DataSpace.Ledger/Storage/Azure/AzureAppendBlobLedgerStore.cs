using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>
/// The ledger on Azure Blob Storage: segment append blobs in the file store's segment format
/// (<see cref="SegmentFormat"/>), named by their first leaf index under a prefix. Several writers
/// (broker replicas) may append to the same ledger: every append block carries an
/// append-position condition, so a writer whose view is stale gets 412, reads what the others
/// committed, renumbers its batch and tries again. Two writers can never interleave inside a
/// record or overwrite each other.
/// </summary>
/// <remarks>
/// An append completes only after Azure committed the block holding it. Interior hashes are kept
/// in memory and rebuilt by <see cref="OpenAsync"/> in one pass over the blobs.
/// </remarks>
public sealed class AzureAppendBlobLedgerStore : ILedgerStore
{
    private readonly BlobContainerClient _container;
    private readonly AzureLedgerOptions _options;
    private readonly InMemoryHashStore _tree;
    private readonly LeafPositions _positions;
    private readonly AzureSegmentSync _sync;
    private readonly List<AzureSegment> _segments;
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly GroupCommitQueue _queue;
    private AzureSegment[] _readable;

    private AzureAppendBlobLedgerStore(BlobContainerClient container, AzureLedgerOptions options, InMemoryHashStore tree, LeafPositions positions, AzureSegmentSync sync, List<AzureSegment> segments)
    {
        _container = container;
        _options = options;
        _tree = tree;
        _positions = positions;
        _sync = sync;
        _segments = segments;
        _readable = [.. segments];
        _queue = new GroupCommitQueue(options.MaxBatch, CommitAsync);
    }

    /// <inheritdoc/>
    public ulong Size => _tree.Size;

    /// <inheritdoc/>
    public IHashReader Hashes => _tree;

    /// <summary>Opens the ledger under <see cref="AzureLedgerOptions.Prefix"/>, creating the container if needed.</summary>
    public static async Task<AzureAppendBlobLedgerStore> OpenAsync(BlobContainerClient container, AzureLedgerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzureLedgerOptions();
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var tree = new InMemoryHashStore();
        var positions = new LeafPositions();
        var sync = new AzureSegmentSync(container, options, tree, positions);
        var segments = new List<AzureSegment>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, options.Prefix + "/", cancellationToken).ConfigureAwait(false))
        {
            if (SegmentFormat.TryParseFileName(item.Name, out var firstIndex))
            {
                segments.Add(await sync.OpenSegmentAsync(item.Name, segments.Count, firstIndex, cancellationToken).ConfigureAwait(false));
            }
        }
        if (segments.Count == 0)
        {
            segments.Add(await CreateSegmentAsync(container, options, 0, 0, cancellationToken).ConfigureAwait(false));
        }
        return new AzureAppendBlobLedgerStore(container, options, tree, positions, sync, segments);
    }

    /// <summary>Reads what other writers committed since this one last looked.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _sync.CatchUpAsync(_segments, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _readable, [.. _segments]);
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <inheritdoc/>
    public ValueTask<ulong> AppendAsync(ReadOnlyMemory<byte> leaf, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (leaf.Length > _options.MaxLeafBytes)
        {
            throw new ArgumentException($"A leaf may hold at most {_options.MaxLeafBytes} bytes.", nameof(leaf));
        }
        return _queue.Enqueue(leaf, nameof(AzureAppendBlobLedgerStore));
    }

    /// <inheritdoc/>
    public async ValueTask<byte[]> ReadLeafAsync(ulong index, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        var (ordinal, offset) = LeafPositions.Unpack(_positions.Get(index));
        var blob = Volatile.Read(ref _readable)[ordinal].Blob;
        var header = await DownloadRangeAsync(blob, offset, SegmentFormat.RecordHeaderSize, cancellationToken).ConfigureAwait(false);
        var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header);
        var leaf = size == 0 ? [] : await DownloadRangeAsync(blob, offset + SegmentFormat.RecordHeaderSize, size, cancellationToken).ConfigureAwait(false);

        // Fail closed if the stored bytes no longer hash to the leaf the tree was built from.
        var stored = new byte[MerkleHash.Size];
        _tree.ReadHashes([new NodeIndex(0, index)], stored);
        if (!MerkleHash.HashLeaf(leaf).AsSpan().SequenceEqual(stored))
        {
            throw new InvalidDataException($"Leaf {index} in Azure does not match the tree.");
        }
        return leaf;
    }

    /// <summary>Waits for queued appends to commit.</summary>
    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync().ConfigureAwait(false);
        _writerGate.Dispose();
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        // A failed append needs no latch here: the next conditional append finds out what
        // actually landed (412, then catch-up) before anything else is written.
        await _writerGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await AzureBatchCommitter.CommitAsync(batch, new AzureCommitContext(_container, _options, _tree, _positions, _sync, _segments)).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _readable, [.. _segments]);
            _writerGate.Release();
        }
    }

    internal static async Task<AzureSegment> CreateSegmentAsync(BlobContainerClient container, AzureLedgerOptions options, int ordinal, ulong firstIndex, CancellationToken cancellationToken)
    {
        var blob = container.GetAppendBlobClient($"{options.Prefix}/{SegmentFormat.FileName(firstIndex)}");
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var segment = new AzureSegment(blob, ordinal, firstIndex);
        try
        {
            // Whoever writes the header at position 0 owns the new segment's start; a racing
            // writer gets 412 and reads the segment instead.
            var header = SegmentFormat.Header(firstIndex);
            using var content = new MemoryStream(header, writable: false);
            var info = await blob.AppendBlockAsync(content, new() { Conditions = new() { IfAppendPositionEqual = 0 } }, cancellationToken).ConfigureAwait(false);
            segment.Length = header.Length;
            segment.BlockCount = info.Value.BlobCommittedBlockCount;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Another writer created it; the caller's catch-up reads it.
        }
        return segment;
    }

    private static async Task<byte[]> DownloadRangeAsync(AppendBlobClient blob, long offset, long length, CancellationToken cancellationToken)
    {
        var response = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken).ConfigureAwait(false);
        var bytes = response.Value.Content.ToArray();
        return bytes.Length == length ? bytes : throw new InvalidDataException($"Blob {blob.Name} ended inside a committed record.");
    }
}
