using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage;

/// <summary>
/// The embedded ledger store: append-only segment files in one directory (format in
/// <see cref="SegmentFormat"/>), with group commit — concurrent appends are coalesced into one
/// write and one fsync — and crash recovery on open.
/// </summary>
/// <remarks>
/// <para>Durability: an append completes only after the fsync of the batch holding it, and only
/// then is the leaf counted, readable, or part of the tree. A torn tail (an unacknowledged batch
/// cut short by a crash) is detected through the length and leaf-hash framing and cut on open.</para>
/// <para>Interior hashes are not persisted: <see cref="Open"/> rebuilds them, with the leaf
/// index, in one O(n) pass that also validates every record; afterwards each append costs
/// O(1) amortised hashing and each proof O(log n) reads from memory.</para>
/// <para>One process owns a directory at a time, enforced by an exclusive lock on <c>LOCK</c>.</para>
/// </remarks>
public sealed class FileLedgerStore : ILedgerStore
{
    private readonly FileLedgerOptions _options;
    private readonly FileStream _lock;
    private readonly InMemoryHashStore _tree;
    private readonly LeafPositions _positions;
    private readonly SegmentWriter _writer;
    private readonly GroupCommitQueue _queue;
    private Segment[] _segments;
    private Exception? _fault;

    private FileLedgerStore(string directory, FileLedgerOptions options, FileStream lockFile, InMemoryHashStore tree,
        LeafPositions positions, List<Segment> segments)
    {
        Directory = directory;
        _options = options;
        _lock = lockFile;
        _tree = tree;
        _positions = positions;
        if (segments.Count == 0)
        {
            _writer = SegmentWriter.Create(directory, options.SegmentBytes, out var first);
            segments.Add(first);
        }
        else
        {
            _writer = SegmentWriter.Resume(directory, options.SegmentBytes, segments[^1], segments.Count - 1);
        }
        _segments = [.. segments];
        _queue = new GroupCommitQueue(options.MaxBatch, CommitDurably, "Ledger commit");
    }

    /// <summary>The directory holding the segments.</summary>
    public string Directory { get; }

    /// <inheritdoc/>
    public ulong Size => _tree.Size;

    /// <inheritdoc/>
    public IHashReader Hashes => _tree;

    /// <summary>Opens (or creates) the ledger in <paramref name="directory"/>, recovering from any crash.</summary>
    /// <exception cref="IOException">Another process holds the directory.</exception>
    /// <exception cref="InvalidDataException">The log is corrupt beyond a torn tail.</exception>
    public static FileLedgerStore Open(string directory, FileLedgerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new FileLedgerOptions();
        System.IO.Directory.CreateDirectory(directory);
        var lockFile = new FileStream(Path.Combine(directory, "LOCK"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            var tree = new InMemoryHashStore();
            var positions = new LeafPositions();
            var segments = SegmentRecovery.Recover(directory, options, tree, positions);
            return new FileLedgerStore(directory, options, lockFile, tree, positions, segments);
        }
        catch
        {
            lockFile.Dispose();
            throw;
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
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new IOException("The ledger store failed earlier and must be reopened.", fault);
        }
        return _queue.Enqueue(leaf, nameof(FileLedgerStore));
    }

    /// <inheritdoc/>
    public async ValueTask<byte[]> ReadLeafAsync(ulong index, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        var (ordinal, offset) = LeafPositions.Unpack(_positions.Get(index));
        var handle = Volatile.Read(ref _segments)[ordinal].ReadHandle;
        var header = new byte[SegmentFormat.RecordHeaderSize];
        await ReadExactlyAsync(handle, header, offset, cancellationToken).ConfigureAwait(false);
        var leaf = new byte[System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header)];
        await ReadExactlyAsync(handle, leaf, offset + header.Length, cancellationToken).ConfigureAwait(false);

        // Fail closed if the bytes on disk no longer hash to the leaf the tree was built from.
        var stored = new byte[MerkleHash.Size];
        _tree.ReadHashes([new NodeIndex(0, index)], stored);
        if (!MerkleHash.HashLeaf(leaf).AsSpan().SequenceEqual(stored))
        {
            throw new InvalidDataException($"Leaf {index} on disk does not match the tree.");
        }
        return leaf;
    }

    /// <summary>Waits for queued appends to commit, then closes the files and releases the directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync().ConfigureAwait(false);
        _writer.Dispose();
        foreach (var segment in _segments)
        {
            segment.Dispose();
        }
        await _lock.DisposeAsync().ConfigureAwait(false);
    }

    private void CommitDurably(List<PendingAppend> batch)
    {
        if (_fault is not null)
        {
            throw new IOException("The ledger store failed earlier and must be reopened.", _fault);
        }
        try
        {
            Commit(batch);
        }
        catch (Exception e)
        {
            // After a failed write or fsync the file state is unknown (a failed fsync may have
            // dropped dirty pages): refuse everything until the log is reopened and recovered
            // from what is actually on disk.
            Volatile.Write(ref _fault, _fault ?? e);
            throw;
        }
    }

    private void Commit(List<PendingAppend> batch)
    {
        // Step 1: write every record of the batch, rolling segments as needed.
        var first = _tree.Size;
        var placed = new (long Position, byte[] Hash)[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var hash = MerkleHash.HashLeaf(batch[i].Leaf);
            var offset = _writer.Write(batch[i].Leaf, hash, first + (ulong)i, out var created);
            if (created is not null)
            {
                Volatile.Write(ref _segments, [.. _segments, created]);
            }
            placed[i] = (LeafPositions.Pack(_writer.Ordinal, offset), hash);
        }

        // Step 2: one fsync makes the whole batch durable.
        _writer.Sync();

        // Step 3: only now count, index and hash the leaves, then acknowledge them.
        for (var i = 0; i < batch.Count; i++)
        {
            _positions.Set(first + (ulong)i, placed[i].Position);
            _tree.Append(placed[i].Hash);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(first + (ulong)i);
        }
    }

    private static async ValueTask ReadExactlyAsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Memory<byte> buffer, long offset, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer, offset, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidDataException("The segment ended inside a durable record.");
            }
            buffer = buffer[read..];
            offset += read;
        }
    }
}
