using System.Text;
using System.Text.Json;
using DataSpace.Ledger.Merkle;
using DataSpace.Testing;

namespace DataSpace.Ledger.Tests.Merkle;

/// <summary>The RFC 6962 hasher vectors and the 8-leaf reference tree (roots, nodes, paths, proofs).</summary>
public sealed class Rfc6962VectorTests
{
    private static readonly JsonElement Tree = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("merkle", "rfc6962-reference-tree.json"))).RootElement;
    private static readonly JsonElement Hasher = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("merkle", "rfc6962-hasher-vectors.json"))).RootElement;

    private static byte[][] Leaves => Tree.GetProperty("leaf_inputs").EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!)).ToArray();

    private static byte[][] Hex(JsonElement array) => array.EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!)).ToArray();

    [Fact]
    public void Hasher_Vectors_AllMatch()
    {
        var vectors = Hasher.GetProperty("vectors").EnumerateArray().ToArray();
        Assert.Equal(vectors[0].GetProperty("want").GetString(), Convert.ToHexStringLower(MerkleHash.EmptyRoot));
        Assert.Equal(vectors[1].GetProperty("want").GetString(), Convert.ToHexStringLower(MerkleHash.HashLeaf([])));
        Assert.Equal(vectors[2].GetProperty("want").GetString(), Convert.ToHexStringLower(MerkleHash.HashLeaf("L123456"u8)));
        Assert.Equal(vectors[3].GetProperty("want").GetString(), Convert.ToHexStringLower(MerkleHash.HashChildren("N123"u8, "N456"u8)));
    }

    [Fact]
    public void RootHash_EverySize0To8_MatchesReference()
    {
        var leaves = Leaves;
        foreach (var root in Tree.GetProperty("roots_by_tree_size").EnumerateObject())
        {
            var size = int.Parse(root.Name, System.Globalization.CultureInfo.InvariantCulture);
            var store = TestTree.Build(leaves.Take(size));
            Assert.Equal(root.Value.GetString(), Convert.ToHexStringLower(MerkleTree.RootHash((ulong)size, store)));
        }
    }

    [Fact]
    public void StoredNodes_EveryLevel_MatchReference()
    {
        var store = TestTree.Build(Leaves);
        foreach (var level in Tree.GetProperty("node_hashes_by_level").EnumerateObject().Where(p => !p.Name.StartsWith('_')))
        {
            var expected = Hex(level.Value);
            var nodes = Enumerable.Range(0, expected.Length).Select(i => new NodeIndex(int.Parse(level.Name, System.Globalization.CultureInfo.InvariantCulture), (ulong)i)).ToArray();
            var actual = new byte[nodes.Length * MerkleHash.Size];
            store.ReadHashes(nodes, actual);
            Assert.Equal(expected.SelectMany(h => h).ToArray(), actual);
        }
    }

    [Fact]
    public void InclusionProof_ReferencePaths_GeneratedAndVerified()
    {
        var leaves = Leaves;
        foreach (var vector in Tree.GetProperty("inclusion_proofs").EnumerateArray())
        {
            var index = vector.GetProperty("leaf_1based").GetUInt64() - 1;
            var size = vector.GetProperty("tree_size").GetUInt64();
            var expected = Hex(vector.GetProperty("path"));
            var store = TestTree.Build(leaves.Take((int)size));
            Assert.Equal(expected, MerkleTree.InclusionProof(index, size, store));
            var root = MerkleTree.RootHash(size, store);
            Assert.True(MerkleVerifier.VerifyInclusion(MerkleHash.HashLeaf(leaves[index]), index, size, expected, root).IsValid);
        }
    }

    [Fact]
    public void ConsistencyProof_ReferenceProofs_GeneratedAndVerified()
    {
        var store = TestTree.Build(Leaves);
        foreach (var vector in Tree.GetProperty("consistency_proofs").EnumerateArray())
        {
            var size1 = vector.GetProperty("size1").GetUInt64();
            var size2 = vector.GetProperty("size2").GetUInt64();
            var expected = Hex(vector.GetProperty("proof"));
            Assert.Equal(expected, MerkleTree.ConsistencyProof(size1, size2, store));
            var verdict = MerkleVerifier.VerifyConsistency(size1, size2, expected, MerkleTree.RootHash(size1, store), MerkleTree.RootHash(size2, store));
            Assert.True(verdict.IsValid, verdict.Reason);
        }
    }
}
