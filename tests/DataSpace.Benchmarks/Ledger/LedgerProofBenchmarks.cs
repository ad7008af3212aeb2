using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Benchmarks.Ledger;

/// <summary>
/// Proof generation time in a tree of 10^6 entries (RFC 9162 inclusion and consistency proofs
/// read O(log n) stored nodes) and inclusion proofs verified per second.
/// </summary>
public class LedgerProofBenchmarks
{
    private readonly InMemoryHashStore _tree = new();
    private ulong _size;
    private ulong _index;
    private byte[] _leaf = [];
    private byte[] _root = [];
    private IReadOnlyList<byte[]> _proof = [];

    [GlobalSetup]
    public void Setup()
    {
        _size = LedgerBenchSize.TreeSize;
        var leaf = new byte[8];
        for (ulong i = 0; i < _size; i++)
        {
            BitConverter.TryWriteBytes(leaf, i);
            _tree.Append(MerkleHash.HashLeaf(SHA256.HashData(leaf)));
        }
        _index = _size * 2 / 3;
        BitConverter.TryWriteBytes(leaf, _index);
        _leaf = MerkleHash.HashLeaf(SHA256.HashData(leaf));
        _root = MerkleTree.RootHash(_size, _tree);
        _proof = MerkleTree.InclusionProof(_index, _size, _tree);
    }

    [Benchmark(Description = "inclusion proof generation (10^6)")]
    public IReadOnlyList<byte[]> InclusionProof() => MerkleTree.InclusionProof(_index, _size, _tree);

    [Benchmark(Description = "consistency proof generation (10^6)")]
    public IReadOnlyList<byte[]> ConsistencyProof() => MerkleTree.ConsistencyProof(_size / 3 + 1, _size, _tree);

    [Benchmark(Description = "inclusion proof verification (10^6)")]
    public bool VerifyInclusion() => MerkleVerifier.VerifyInclusion(_leaf, _index, _size, _proof, _root).IsValid;
}
