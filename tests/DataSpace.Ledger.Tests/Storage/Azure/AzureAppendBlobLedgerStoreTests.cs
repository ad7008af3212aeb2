using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;
using DataSpace.Ledger.Storage.Azure;

namespace DataSpace.Ledger.Tests.Storage.Azure;

/// <summary>The store contract, and multi-writer safety, against Azurite.</summary>
public sealed class AzureAppendBlobLedgerStoreTests : LedgerStoreContract, IAsyncDisposable
{
    // Tiny segments so every test also crosses blob boundaries.
    private static readonly AzureLedgerOptions SmallSegments = new() { MaxBlocksPerBlob = 4, MaxBatch = 16 };
    private readonly AzuriteContainer _container = new();

    protected override async ValueTask<ILedgerStore> CreateAsync() =>
        await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Reopen_AfterAppends_RebuildsTheSameTree()
    {
        byte[] root;
        await using (var store = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < 60; i++)
            {
                await store.AppendAsync(Leaf(i), TestContext.Current.CancellationToken);
            }
            root = MerkleTree.RootHash(store.Size, store.Hashes);
        }

        await using var reopened = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, TestContext.Current.CancellationToken);

        Assert.Equal(60UL, reopened.Size);
        Assert.Equal(root, MerkleTree.RootHash(60, reopened.Hashes));
        Assert.Equal(Leaf(59), await reopened.ReadLeafAsync(59, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TwoWriters_SameBlobs_LoseNothingAndCorruptNothing()
    {
        const int perWriter = 150;
        await using var first = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, TestContext.Current.CancellationToken);
        await using var second = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, TestContext.Current.CancellationToken);

        // Both writers append at the same time; each leaf names its writer.
        var acknowledged = await Task.WhenAll(
            AppendAllAsync(first, "a", perWriter),
            AppendAllAsync(second, "b", perWriter));

        await using var auditor = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, TestContext.Current.CancellationToken);
        Assert.Equal((ulong)(2 * perWriter), auditor.Size);

        // Every acknowledged index holds exactly the leaf its writer appended, and nothing else is in the log.
        var seen = new HashSet<string>();
        foreach (var (writer, indexes) in new[] { ("a", acknowledged[0]), ("b", acknowledged[1]) })
        {
            for (var i = 0; i < perWriter; i++)
            {
                var leaf = System.Text.Encoding.UTF8.GetString(await auditor.ReadLeafAsync(indexes[i], TestContext.Current.CancellationToken));
                Assert.Equal($"{writer}-{i}", leaf);
                Assert.True(seen.Add(leaf));
            }
        }

        // Both writers converge on the auditor's tree once they catch up.
        await first.RefreshAsync(TestContext.Current.CancellationToken);
        await second.RefreshAsync(TestContext.Current.CancellationToken);
        var root = MerkleTree.RootHash(auditor.Size, auditor.Hashes);
        Assert.Equal(root, MerkleTree.RootHash(first.Size, first.Hashes));
        Assert.Equal(root, MerkleTree.RootHash(second.Size, second.Hashes));
    }

    [Fact]
    public async Task Open_TamperedRecord_IsRefused()
    {
        await using (var store = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, new AzureLedgerOptions(), TestContext.Current.CancellationToken))
        {
            await store.AppendAsync(Leaf(1), TestContext.Current.CancellationToken);
        }
        // An attacker with write access appends bytes that are not a valid record.
        var blob = _container.Client.GetBlobClient("ledger/" + SegmentFormat.FileName(0));
        var appendBlob = global::Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetAppendBlobClient(_container.Client, blob.Name);
        await appendBlob.AppendBlockAsync(new MemoryStream(new byte[40]), cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, new AzureLedgerOptions(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task NextSegmentCreatedWithoutItsHeader_WriterWritesTheHeaderAndGoesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var store = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, ct))
        {
            // One block per append: the header and three records fill the first segment.
            for (var i = 0; i < 3; i++)
            {
                await store.AppendAsync(Leaf(i), ct);
            }

            // Another writer created the next segment and stopped before writing its header.
            await _container.Client.GetAppendBlobClient($"{SmallSegments.Prefix}/{SegmentFormat.FileName(3)}").CreateIfNotExistsAsync(cancellationToken: ct);

            Assert.Equal(3UL, await store.AppendAsync(Leaf(3), ct));
            Assert.Equal(4UL, await store.AppendAsync(Leaf(4), ct));
        }

        await using var reopened = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, ct);
        Assert.Equal(5UL, reopened.Size);
        Assert.Equal(Leaf(3), await reopened.ReadLeafAsync(3, ct));
    }

    [Fact]
    public async Task NextSegmentSeenWithoutItsHeader_HeaderArrivesBeforeTheAppend_WriterAppendsThere()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, ct);
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync(Leaf(i), ct);
        }

        // Another writer creates the next segment; this writer sees it before its header...
        var next = $"{SmallSegments.Prefix}/{SegmentFormat.FileName(3)}";
        await _container.Client.GetAppendBlobClient(next).CreateIfNotExistsAsync(cancellationToken: ct);
        await store.RefreshAsync(ct);
        // ...which the other writer then writes, before this writer's next append.
        await AzureAppendBlobLedgerStore.CreateSegmentAsync(_container.Client, SmallSegments, 1, 3, ct);

        // Before the fix the writer took the header's arrival for a full segment and started
        // "new" segments at the same index over and over: the append never ended.
        var appended = store.AppendAsync(Leaf(3), ct).AsTask();
        Assert.Same(appended, await Task.WhenAny(appended, Task.Delay(TimeSpan.FromSeconds(30), ct)));
        Assert.Equal(3UL, await appended);
        await store.DisposeAsync();

        var names = new List<string>();
        await foreach (var item in _container.Client.GetBlobsAsync(BlobTraits.None, BlobStates.None, SmallSegments.Prefix + "/", ct))
        {
            names.Add(item.Name);
        }
        Assert.Equal([$"{SmallSegments.Prefix}/{SegmentFormat.FileName(0)}", next], names);
        await using var reopened = await AzureAppendBlobLedgerStore.OpenAsync(_container.Client, SmallSegments, ct);
        Assert.Equal(4UL, reopened.Size);
        Assert.Equal(Leaf(3), await reopened.ReadLeafAsync(3, ct));
    }

    private static async Task<ulong[]> AppendAllAsync(AzureAppendBlobLedgerStore store, string writer, int count)
    {
        var indexes = new ulong[count];
        var tasks = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var slot = i;
            tasks.Add(Task.Run(async () => indexes[slot] = await store.AppendAsync(System.Text.Encoding.UTF8.GetBytes($"{writer}-{slot}"))));
            if (i % 10 == 9)
            {
                await Task.WhenAll(tasks);
                tasks.Clear();
            }
        }
        await Task.WhenAll(tasks);
        return indexes;
    }

    public async ValueTask DisposeAsync() => await _container.DisposeAsync();
}
