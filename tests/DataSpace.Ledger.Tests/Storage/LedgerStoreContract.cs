using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;
using DataSpace.Ledger.Tests.Merkle;

namespace DataSpace.Ledger.Tests.Storage;

/// <summary>The contract every <see cref="ILedgerStore"/> must honour; one subclass per implementation.</summary>
public abstract class LedgerStoreContract
{
    protected abstract ValueTask<ILedgerStore> CreateAsync();

    [Fact]
    public async Task Append_Sequential_IndexesInOrderAndLeavesReadBack()
    {
        await using var store = await CreateAsync();
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal((ulong)i, await store.AppendAsync(Leaf(i), TestContext.Current.CancellationToken));
        }
        Assert.Equal(50UL, store.Size);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(Leaf(i), await store.ReadLeafAsync((ulong)i, TestContext.Current.CancellationToken));
        }
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.ReadLeafAsync(50, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Append_Concurrent_EveryLeafOnceAndTreeMatchesLeaves()
    {
        await using var store = await CreateAsync();
        var indexes = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => store.AppendAsync(Leaf(i), TestContext.Current.CancellationToken).AsTask()));
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (ulong)i), indexes.Order());
        var hashes = new List<byte[]>();
        for (ulong i = 0; i < store.Size; i++)
        {
            hashes.Add(MerkleHash.HashLeaf(await store.ReadLeafAsync(i, TestContext.Current.CancellationToken)));
        }
        Assert.Equal(Enumerable.Range(0, 400).Select(i => MerkleHash.HashLeaf(Leaf(i))).OrderBy(Convert.ToHexString), hashes.OrderBy(Convert.ToHexString));
        Assert.Equal(TestTree.ReferenceRoot(hashes, 0, hashes.Count), MerkleTree.RootHash(store.Size, store.Hashes));
    }

    [Fact]
    public async Task Proofs_FromStoreHashes_Verify()
    {
        await using var store = await CreateAsync();
        for (var i = 0; i < 77; i++)
        {
            await store.AppendAsync(Leaf(i), TestContext.Current.CancellationToken);
        }
        var root = MerkleTree.RootHash(77, store.Hashes);
        var old = MerkleTree.RootHash(30, store.Hashes);
        Assert.True(MerkleVerifier.VerifyInclusion(MerkleHash.HashLeaf(Leaf(42)), 42, 77, MerkleTree.InclusionProof(42, 77, store.Hashes), root).IsValid);
        Assert.True(MerkleVerifier.VerifyConsistency(30, 77, MerkleTree.ConsistencyProof(30, 77, store.Hashes), old, root).IsValid);
    }

    [Fact]
    public async Task Append_EmptyLeaf_Accepted()
    {
        await using var store = await CreateAsync();
        Assert.Equal(0UL, await store.AppendAsync(ReadOnlyMemory<byte>.Empty, TestContext.Current.CancellationToken));
        Assert.Empty(await store.ReadLeafAsync(0, TestContext.Current.CancellationToken));
        Assert.Equal(MerkleHash.HashLeaf([]), MerkleTree.RootHash(1, store.Hashes));
    }

    protected static byte[] Leaf(int i) => System.Text.Encoding.UTF8.GetBytes($"{{\"entry\":{i}}}");
}
