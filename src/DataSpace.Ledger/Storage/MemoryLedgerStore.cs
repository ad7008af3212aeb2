using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage;

/// <summary>A volatile <see cref="ILedgerStore"/> for tests and demos: nothing survives the process.</summary>
public sealed class MemoryLedgerStore : ILedgerStore
{
    private readonly InMemoryHashStore _tree = new();
    private readonly List<byte[]> _leaves = [];
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public ulong Size => _tree.Size;

    /// <inheritdoc/>
    public IHashReader Hashes => _tree;

    /// <inheritdoc/>
    public ValueTask<ulong> AppendAsync(ReadOnlyMemory<byte> leaf, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _leaves.Add(leaf.ToArray());
            _tree.Append(MerkleHash.HashLeaf(leaf.Span));
            return ValueTask.FromResult(_tree.Size - 1);
        }
    }

    /// <inheritdoc/>
    public ValueTask<byte[]> ReadLeafAsync(ulong index, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (ulong)_leaves.Count);
            return ValueTask.FromResult(_leaves[(int)index].ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
