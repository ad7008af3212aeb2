using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Tests.Merkle;

/// <summary>Generated proofs verify, and any tampering (bit flip, extra or missing hash, wrong size) fails.</summary>
public sealed class ProofRoundTripTests
{
    private static readonly InMemoryHashStore Tree = TestTree.OfBytes(300);

    [Fact]
    public void RootHash_Sizes0To300_MatchRecursiveDefinition()
    {
        var leafHashes = Enumerable.Range(0, 300).Select(i => MerkleHash.HashLeaf([(byte)i])).ToArray();
        for (var n = 0; n <= 300; n++)
        {
            Assert.Equal(TestTree.ReferenceRoot(leafHashes, 0, n), MerkleTree.RootHash((ulong)n, Tree));
        }
    }

    [Fact]
    public void InclusionProof_AllIndexesUpTo70_VerifyAndRejectTampering()
    {
        for (ulong size = 1; size <= 70; size++)
        {
            var root = MerkleTree.RootHash(size, Tree);
            for (ulong index = 0; index < size; index++)
            {
                var leaf = MerkleHash.HashLeaf([(byte)index]);
                var proof = MerkleTree.InclusionProof(index, size, Tree);
                Assert.True(MerkleVerifier.VerifyInclusion(leaf, index, size, proof, root).IsValid);
                Assert.False(MerkleVerifier.VerifyInclusion(leaf, index, size, proof, MerkleTree.RootHash(size - 1 == 0 ? 2 : size - 1, Tree)).IsValid);
                Assert.False(MerkleVerifier.VerifyInclusion(leaf, index, size, [.. proof, leaf], root).IsValid);
                if (proof.Count > 0)
                {
                    Assert.False(MerkleVerifier.VerifyInclusion(leaf, index, size, proof.Skip(1).ToArray(), root).IsValid);
                    Assert.False(MerkleVerifier.VerifyInclusion(leaf, index, size, Flip(proof, proof.Count - 1), root).IsValid);
                }
            }
        }
    }

    [Fact]
    public void ConsistencyProof_AllSizePairsUpTo70_VerifyAndRejectTampering()
    {
        for (ulong size2 = 1; size2 <= 70; size2++)
        {
            var root2 = MerkleTree.RootHash(size2, Tree);
            for (ulong size1 = 1; size1 <= size2; size1++)
            {
                var root1 = MerkleTree.RootHash(size1, Tree);
                var proof = MerkleTree.ConsistencyProof(size1, size2, Tree);
                Assert.True(MerkleVerifier.VerifyConsistency(size1, size2, proof, root1, root2).IsValid);
                if (size1 < size2)
                {
                    Assert.False(MerkleVerifier.VerifyConsistency(size1, size2, Flip(proof, 0), root1, root2).IsValid);
                    Assert.False(MerkleVerifier.VerifyConsistency(size1, size2, [.. proof, root1], root1, root2).IsValid);
                    Assert.False(MerkleVerifier.VerifyConsistency(size1, size2, proof, root2, root1).IsValid);
                }
            }
        }
    }

    [Fact]
    public void ConsistencyProof_FromEmptyTree_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(0, 5, Tree));
        Assert.False(MerkleVerifier.VerifyConsistency(0, 0, [], MerkleHash.EmptyRoot, MerkleHash.EmptyRoot).IsValid);
    }

    [Fact]
    public void ReadHashes_IncompleteNode_Throws()
    {
        var tree = TestTree.OfBytes(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ReadHashes([new NodeIndex(1, 2)], new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(5, 5, tree));
    }

    private static byte[][] Flip(IReadOnlyList<byte[]> proof, int which)
    {
        var copy = proof.Select(h => (byte[])h.Clone()).ToArray();
        copy[which][0] ^= 1;
        return copy;
    }
}
