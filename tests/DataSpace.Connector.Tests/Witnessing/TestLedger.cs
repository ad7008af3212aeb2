using DataSpace.Core.Results;
using DataSpace.Connector.Witnessing;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;

namespace DataSpace.Connector.Tests.Witnessing;

/// <summary>A log in memory: leaves, signed checkpoints of any size, and the consistency proofs a broker would serve.</summary>
internal sealed class TestLedger : IDisposable
{
    public const string Origin = "88.000.0001";

    /// <summary>The log key's seed, so a fork can be signed by the very same key.</summary>
    public static readonly byte[] Seed = [.. Enumerable.Repeat((byte)7, 32)];

    private readonly List<byte[]> _leaves = [];
    private readonly InMemoryHashStore _tree = new();

    public TestLedger(NoteSigner? key = null, int leaves = 0, Func<int, byte[]>? leaf = null)
    {
        Key = key ?? NoteSigner.FromSeed(Origin, Seed);
        Grow(leaves, leaf);
    }

    public NoteSigner Key { get; }

    public ulong Size => (ulong)_leaves.Count;

    public IHashReader Hashes => _tree;

    public TestLedger Grow(int count, Func<int, byte[]>? leaf = null)
    {
        for (var i = 0; i < count; i++)
        {
            var bytes = (leaf ?? (n => [(byte)n, (byte)(n >> 8)]))(_leaves.Count);
            _leaves.Add(bytes);
            _tree.Append(MerkleHash.HashLeaf(bytes));
        }
        return this;
    }

    public TestLedger Append(byte[] leaf)
    {
        _leaves.Add(leaf);
        _tree.Append(MerkleHash.HashLeaf(leaf));
        return this;
    }

    /// <summary>The checkpoint note of the first <paramref name="size"/> leaves (default: all).</summary>
    public string Note(ulong? size = null)
    {
        var n = size ?? Size;
        return SignedCheckpoint.Sign(new Checkpoint(Origin, n, MerkleTree.RootHash(n, _tree)), Key).Note.Format();
    }

    public ConsistencyProofSource Proofs => (from, to, _) => Task.FromResult(Result<IReadOnlyList<byte[]>>.Success(MerkleTree.ConsistencyProof(from, to, _tree)));

    public void Dispose() => Key.Dispose();
}
