using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Benchmarks.Ledger;

/// <summary>
/// The physical limits the ledger numbers are judged against, measured in the same run: raw
/// Ed25519 verify over an entry-sized signing input (an entry costs two of these), and SHA-256
/// over a leaf and over an interior node (RFC 6962 hashing).
/// </summary>
public class LedgerLimitsBenchmarks
{
    private readonly byte[] _input = new byte[300];
    private readonly byte[] _node = new byte[65];
    private readonly byte[] _hash = new byte[32];
    private Ed25519Signer _signer = null!;
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_input);
        _signer = Ed25519Signer.Generate("88.608.8889");
        _signature = _signer.Sign(_input);
        _signer.PublicKey.Verify(_input, _signature);
    }

    [Benchmark(Description = "raw Ed25519 verify (300 B)")]
    public bool Ed25519Verify() => _signer.PublicKey.Verify(_input, _signature);

    [Benchmark(Description = "SHA-256 leaf hash (300 B)")]
    public byte[] LeafHash() => MerkleHash.HashLeaf(_input);

    [Benchmark(Description = "SHA-256 of 65 B (node hash)")]
    public int NodeHash() => SHA256.HashData(_node, _hash);

    [GlobalCleanup]
    public void Cleanup() => _signer.Dispose();
}
