using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Tests.Merkle;

/// <summary>Builds in-memory trees over given leaves, plus a naive recursive MTH as the reference.</summary>
internal static class TestTree
{
    public static InMemoryHashStore Build(IEnumerable<byte[]> leaves)
    {
        var store = new InMemoryHashStore();
        foreach (var leaf in leaves)
        {
            store.Append(MerkleHash.HashLeaf(leaf));
        }
        return store;
    }

    public static InMemoryHashStore OfBytes(int count) => Build(Enumerable.Range(0, count).Select(i => new[] { (byte)i }));

    /// <summary>RFC 6962 §2.1 MTH written as the recursive definition, independent of the store.</summary>
    public static byte[] ReferenceRoot(IReadOnlyList<byte[]> leafHashes, int lo, int hi)
    {
        if (hi == lo)
        {
            return MerkleHash.EmptyRoot.ToArray();
        }
        if (hi - lo == 1)
        {
            return leafHashes[lo];
        }
        var k = 1;
        while (k * 2 < hi - lo)
        {
            k *= 2;
        }
        return MerkleHash.HashChildren(ReferenceRoot(leafHashes, lo, lo + k), ReferenceRoot(leafHashes, lo + k, hi));
    }
}
