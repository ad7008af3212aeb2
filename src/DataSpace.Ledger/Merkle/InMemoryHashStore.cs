namespace DataSpace.Ledger.Merkle;

/// <summary>
/// Every complete node hash of a growing tree, kept in memory by (level, index) in blocks of 256
/// hashes — the C2SP tlog-tiles width — so an append costs O(1) amortised hashing (one node per
/// level it completes) and any proof reads O(log n) stored nodes.
/// </summary>
/// <remarks>
/// One writer, many readers: <see cref="Append"/> must not be called concurrently, while
/// <see cref="ReadHashes"/> may run on any thread. A node is written before <see cref="Size"/>
/// is published, and blocks are never moved, so a reader that stays below the size it observed
/// never sees a torn hash. Memory: about 64 bytes per leaf (the leaf hash plus its share of the
/// interior nodes).
/// </remarks>
public sealed class InMemoryHashStore : IHashReader
{
    private const int BlockShift = 8;
    private const int BlockHashes = 1 << BlockShift;
    private const int BlockBytes = BlockHashes * MerkleHash.Size;

    // _levels[level] is that level's block directory; a directory is replaced (never mutated in
    // place beyond its published length) when it grows.
    private readonly byte[][][] _levels = new byte[64][][];
    private ulong _size;

    /// <summary>Number of leaves appended and visible to readers.</summary>
    public ulong Size => Volatile.Read(ref _size);

    /// <summary>
    /// Appends a leaf hash (RFC 6962 leaf hash, not the leaf itself) and computes the interior
    /// nodes it completes. Single writer only.
    /// </summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash has {MerkleHash.Size} bytes.", nameof(leafHash));
        }
        var index = _size;
        leafHash.CopyTo(Slot(0, index));
        // Node (level, i) with i odd completes its parent (level + 1, i / 2).
        var level = 0;
        while ((index & 1) == 1)
        {
            MerkleHash.HashChildren(Slot(level, index - 1), Slot(level, index), Slot(level + 1, index >> 1));
            index >>= 1;
            level++;
        }
        Volatile.Write(ref _size, _size + 1);
    }

    /// <inheritdoc/>
    public void ReadHashes(ReadOnlySpan<NodeIndex> nodes, Span<byte> destination)
    {
        if (destination.Length < nodes.Length * MerkleHash.Size)
        {
            throw new ArgumentException("The destination is too small for the requested hashes.", nameof(destination));
        }
        var size = Size;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (node.Level is < 0 or > 63 || node.Index >= (size >> node.Level))
            {
                throw new ArgumentOutOfRangeException(nameof(nodes), node, $"Node is not complete in a tree of {size} leaves.");
            }
            var directory = Volatile.Read(ref _levels[node.Level]);
            var block = directory[(int)(node.Index >> BlockShift)];
            block.AsSpan((int)(node.Index & (BlockHashes - 1)) * MerkleHash.Size, MerkleHash.Size)
                .CopyTo(destination.Slice(i * MerkleHash.Size, MerkleHash.Size));
        }
    }

    private Span<byte> Slot(int level, ulong index)
    {
        var blockIndex = (int)(index >> BlockShift);
        var directory = _levels[level];
        if (directory is null || blockIndex >= directory.Length)
        {
            var grown = new byte[Math.Max(4, (directory?.Length ?? 0) * 2)][];
            directory?.CopyTo(grown, 0);
            Volatile.Write(ref _levels[level], grown);
            directory = grown;
        }
        var block = directory[blockIndex] ??= new byte[BlockBytes];
        return block.AsSpan((int)(index & (BlockHashes - 1)) * MerkleHash.Size, MerkleHash.Size);
    }
}
