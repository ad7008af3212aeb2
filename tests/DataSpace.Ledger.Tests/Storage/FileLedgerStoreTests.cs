using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Tests.Storage;

/// <summary>The store contract against the file store, plus reopen, segment roll, torn-tail and corruption cases.</summary>
public sealed class FileLedgerStoreTests : LedgerStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    protected override ValueTask<ILedgerStore> CreateAsync() =>
        ValueTask.FromResult<ILedgerStore>(FileLedgerStore.Open(Path.Combine(_dir.Path, Guid.NewGuid().ToString("N"))));

    [Fact]
    public async Task Reopen_AfterCleanClose_SameLeavesAndRoot()
    {
        byte[] root;
        await using (var store = FileLedgerStore.Open(_dir.Path, Small))
        {
            for (var i = 0; i < 300; i++)
            {
                await store.AppendAsync(Leaf(i), Ct);
            }
            root = MerkleTree.RootHash(300, store.Hashes);
        }
        Assert.True(Directory.GetFiles(_dir.Path, "*.seg").Length > 1, "small segments must roll");
        await using var reopened = FileLedgerStore.Open(_dir.Path, Small);
        Assert.Equal(300UL, reopened.Size);
        Assert.Equal(root, MerkleTree.RootHash(300, reopened.Hashes));
        Assert.Equal(Leaf(299), await reopened.ReadLeafAsync(299, Ct));
        Assert.Equal(300UL, await reopened.AppendAsync(Leaf(300), Ct));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(36)]
    [InlineData(40)]
    public async Task Reopen_TornTail_CutAndAppendsResume(int tornBytes)
    {
        await using (var store = FileLedgerStore.Open(_dir.Path))
        {
            for (var i = 0; i < 10; i++)
            {
                await store.AppendAsync(Leaf(i), Ct);
            }
        }
        var segment = Directory.GetFiles(_dir.Path, "*.seg").Single();
        var intact = new FileInfo(segment).Length;
        // A record cut short: a full frame of the next leaf, truncated to tornBytes.
        var frame = new byte[36 + Leaf(10).Length];
        BitConverter.TryWriteBytes(frame, Leaf(10).Length);
        MerkleHash.HashLeaf(Leaf(10)).CopyTo(frame, 4);
        Leaf(10).CopyTo(frame, 36);
        await using (var file = new FileStream(segment, FileMode.Append))
        {
            await file.WriteAsync(frame.AsMemory(0, Math.Min(tornBytes, frame.Length - 1)), Ct);
        }
        await using var reopened = FileLedgerStore.Open(_dir.Path);
        Assert.Equal(10UL, reopened.Size);
        Assert.Equal(intact, new FileInfo(segment).Length);
        Assert.Equal(10UL, await reopened.AppendAsync(Leaf(10), Ct));
        Assert.Equal(Leaf(10), await reopened.ReadLeafAsync(10, Ct));
    }

    [Fact]
    public async Task Reopen_FlippedByteInTailRecord_RecordCut()
    {
        await using (var store = FileLedgerStore.Open(_dir.Path))
        {
            for (var i = 0; i < 5; i++)
            {
                await store.AppendAsync(Leaf(i), Ct);
            }
        }
        var segment = Directory.GetFiles(_dir.Path, "*.seg").Single();
        var bytes = await File.ReadAllBytesAsync(segment, Ct);
        bytes[^1] ^= 0xff;
        await File.WriteAllBytesAsync(segment, bytes, Ct);
        await using var reopened = FileLedgerStore.Open(_dir.Path);
        Assert.Equal(4UL, reopened.Size);
    }

    [Fact]
    public async Task Open_CorruptSealedSegment_Refused()
    {
        await using (var store = FileLedgerStore.Open(_dir.Path, Small))
        {
            for (var i = 0; i < 100; i++)
            {
                await store.AppendAsync(Leaf(i), Ct);
            }
        }
        var first = Directory.GetFiles(_dir.Path, "*.seg").Order(StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(first, Ct);
        bytes[SegmentFormatProbe.HeaderSize + 40] ^= 1;
        await File.WriteAllBytesAsync(first, bytes, Ct);
        Assert.Throws<InvalidDataException>(() => FileLedgerStore.Open(_dir.Path, Small));
    }

    [Fact]
    public async Task Open_SecondOpenerOfSameDirectory_Refused()
    {
        await using var store = FileLedgerStore.Open(_dir.Path);
        Assert.ThrowsAny<IOException>(() => FileLedgerStore.Open(_dir.Path));
    }

    [Fact]
    public async Task Append_OversizedLeaf_Rejected()
    {
        await using var store = FileLedgerStore.Open(_dir.Path, Small with { MaxLeafBytes = 10 });
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.AppendAsync(new byte[11], Ct));
    }

    private static FileLedgerOptions Small => new() { SegmentBytes = 1024 };
}
