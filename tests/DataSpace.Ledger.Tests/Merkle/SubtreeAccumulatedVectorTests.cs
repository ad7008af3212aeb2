using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataSpace.Ledger.Merkle;
using DataSpace.Testing;

namespace DataSpace.Ledger.Tests.Merkle;

/// <summary>
/// The "Subtree Test Vectors" of draft-ietf-plants-merkle-tree-certs: every subtree hash,
/// subtree inclusion proof, subtree consistency proof and two-subtree cover over the tree
/// D[i] = byte(i), i &lt; 130, folded into one rolling SHA-256 per algorithm. The loops follow
/// the vector file: end and start both inclusive, so empty subtrees are part of the fold.
/// </summary>
public sealed class SubtreeAccumulatedVectorTests
{
    private const ulong Max = 130;
    private static readonly InMemoryHashStore Tree = TestTree.OfBytes((int)Max);
    private static readonly Dictionary<string, string> Want = JsonDocument
        .Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("merkle", "mtc-subtree-accumulated-vectors.json"))).RootElement
        .GetProperty("vectors").EnumerateArray()
        .ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("want").GetString()!);

    [Fact]
    public void SubtreeHash_AllValidSubtrees_MatchAccumulator()
    {
        using var acc = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (ulong end = 0; end <= Max; end++)
        {
            for (ulong start = 0; start <= end; start++)
            {
                if (Subtree.IsValidRange(start, end))
                {
                    Line(acc, $"[{start}, {end}) {Convert.ToHexStringLower(MerkleTree.SubtreeHash(start, end, Tree))}");
                }
            }
        }
        Assert.Equal(Want["subtree_hash"], Convert.ToHexStringLower(acc.GetHashAndReset()));
    }

    [Fact]
    public void SubtreeInclusionProof_AllLeavesOfValidSubtrees_MatchAccumulatorAndVerify()
    {
        using var acc = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (ulong end = 1; end <= Max; end++)
        {
            for (ulong start = 0; start < end; start++)
            {
                if (!Subtree.IsValidRange(start, end))
                {
                    continue;
                }
                var subtreeHash = MerkleTree.SubtreeHash(start, end, Tree);
                for (var index = start; index < end; index++)
                {
                    var proof = MerkleTree.SubtreeInclusionProof(index, start, end, Tree);
                    Line(acc, ProofLine($"{index} [{start}, {end})", proof));
                    Assert.True(MerkleVerifier.VerifySubtreeInclusion(MerkleHash.HashLeaf([(byte)index]), index, start, end, proof, subtreeHash).IsValid);
                }
            }
        }
        Assert.Equal(Want["subtree_inclusion_proof"], Convert.ToHexStringLower(acc.GetHashAndReset()));
    }

    [Fact]
    public void SubtreeConsistencyProof_AllValidSubtreesAndSizes_MatchAccumulatorAndVerify()
    {
        using var acc = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (ulong n = 0; n <= Max; n++)
        {
            var root = MerkleTree.RootHash(n, Tree);
            for (ulong end = 0; end <= n; end++)
            {
                for (ulong start = 0; start <= end; start++)
                {
                    if (!Subtree.IsValidRange(start, end))
                    {
                        continue;
                    }
                    var proof = MerkleTree.SubtreeConsistencyProof(start, end, n, Tree);
                    Line(acc, ProofLine($"[{start}, {end}) {n}", proof));
                    var verdict = MerkleVerifier.VerifySubtreeConsistency(start, end, n, proof, MerkleTree.SubtreeHash(start, end, Tree), root);
                    Assert.True(verdict.IsValid, $"[{start}, {end}) {n}: {verdict.Reason}");
                }
            }
        }
        Assert.Equal(Want["subtree_consistency_proof"], Convert.ToHexStringLower(acc.GetHashAndReset()));
    }

    [Fact]
    public void Cover_AllRanges_MatchAccumulator()
    {
        using var acc = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (ulong end = 0; end <= Max; end++)
        {
            for (ulong start = 0; start <= end; start++)
            {
                var (left, right) = Subtree.Cover(start, end);
                Assert.True(left.IsValid && right.IsValid && left.Start <= start && right.End == end);
                Line(acc, $"[{left.Start}, {left.End}) [{right.Start}, {right.End})");
            }
        }
        Assert.Equal(Want["subtree_covering (FindSubtrees)"], Convert.ToHexStringLower(acc.GetHashAndReset()));
    }

    private static string ProofLine(string prefix, IReadOnlyList<byte[]> proof) =>
        prefix + string.Concat(proof.Select(h => " " + Convert.ToHexStringLower(h)));

    private static void Line(IncrementalHash acc, string line) => acc.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
}
