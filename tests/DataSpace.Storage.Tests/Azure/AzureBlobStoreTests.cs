using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DataSpace.Storage.Azure;
using DataSpace.Storage.Tests.Support;
using DataSpace.Testing;

namespace DataSpace.Storage.Tests.Azure;

/// <summary>The store contract against Azurite, and what the store leaves in the container.</summary>
public sealed class AzureBlobStoreTests : BlobStoreContract, IAsyncDisposable
{
    private readonly AzuriteContainer _container = new();
    private readonly AzureBlobStore _store;

    public AzureBlobStoreTests()
    {
        _store = new AzureBlobStore(_container.Client);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected override IBlobStore Store => _store;

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    [Fact]
    public async Task PutAsync_ContainerMissing_CreatesIt()
    {
        Assert.False(await _container.Client.ExistsAsync(Token));

        await _store.PutAsync("k", Content.Of([1]), Content.None, Token);

        Assert.True(await _container.Client.ExistsAsync(Token));
    }

    [Fact]
    public async Task PutAsync_Content_IsThePlainBlob()
    {
        var bytes = GeneratedStream.Bytes(9 << 20);
        await _store.PutAsync("88.608.8889/PRD-0001", Content.Of(bytes), Content.Metadata(("label", "{}")), Token);

        var raw = await _container.Client.GetBlobClient("88.608.8889/PRD-0001").DownloadContentAsync(Token);

        Assert.Equal(bytes, raw.Value.Content.ToArray());
    }

    [Fact]
    public async Task PutAsync_SmallMetadata_InlineInAzureMetadataWithoutSidecar()
    {
        await _store.PutAsync("k", Content.Of([1]), Content.Metadata(("label", "{\"category\":\"一般\"}")), Token);

        var blob = Assert.Single(await RawBlobs());
        Assert.Equal("k", blob.Name);
        Assert.Equal(
            [AzureBlobEntries.CreatedName, AzureBlobEntries.MetadataName, AzureBlobEntries.Sha256Name, AzureBlobEntries.VersionName],
            blob.Metadata.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("eyJsYWJlbCI6IntcImNhdGVnb3J5XCI6XCLkuIDoiKxcIn0ifQ", blob.Metadata[AzureBlobEntries.MetadataName]);
        Assert.True(blob.Metadata.Sum(entry => entry.Key.Length + entry.Value.Length) < 8 * 1024);
    }

    [Theory]
    [InlineData(4600, false)] // {"a":"…"} is 4,608 bytes: exactly 6,144 base64url characters
    [InlineData(4601, true)]
    public async Task PutAsync_MetadataAtTheInlineLimit_SidecarOnlyBeyondIt(int valueLength, bool sidecar)
    {
        var value = new string('x', valueLength);

        await _store.PutAsync("k", Content.Of([1]), Content.Metadata(("a", value)), Token);

        var blobs = await RawBlobs();
        Assert.Equal(sidecar ? 2 : 1, blobs.Count);
        Assert.True(blobs[0].Metadata.Sum(entry => entry.Key.Length + entry.Value.Length) < 8 * 1024, "over Azure's 8 KiB of metadata");
        Assert.Equal(value, (await _store.GetInfoAsync("k", Token))!.Metadata["a"]);
    }

    [Fact]
    public async Task PutAsync_LargeMetadata_OneSidecarPerVersion_RemovedWithTheVersion()
    {
        var first = await _store.PutAsync("k", Content.Of([1]), Content.Metadata(("label", LargeLabel)), Token);
        var names = (await RawBlobs()).Select(blob => blob.Name).ToList();
        Assert.Equal(2, names.Count);
        Assert.Equal("k", names[0]);
        Assert.Matches("^k/\\.meta\\.[0-9a-f]{32}\\.json$", names[1]);

        await _store.PutAsync("k", Content.Of([2]), Content.Metadata(("label", LargeLabel + " v2")), Token);
        var second = (await RawBlobs()).Select(blob => blob.Name).ToList();
        Assert.Equal(2, second.Count);
        Assert.NotEqual(names[1], second[1]);

        await _store.PutAsync("k", Content.Of([3]), Content.Metadata(("label", "small")), Token);
        Assert.Equal(["k"], (await RawBlobs()).Select(blob => blob.Name));

        await _store.PutAsync("k", Content.Of([4]), Content.Metadata(("label", LargeLabel)), Token);
        await _store.DeleteAsync("k", Token);
        Assert.Empty(await RawBlobs());
        Assert.NotNull(first);
    }

    [Fact]
    public async Task PutAsync_SourceFails_OnlyUncommittedBlocksRemain_InvisibleToEveryRead()
    {
        var source = new GeneratedStream(10 << 20) { FailAt = 9 << 20 };

        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("k", source, Content.Metadata(("label", LargeLabel)), Token));

        var all = await _container.Client.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Uncommitted }, Token).ToListAsync(Token);
        Assert.Equal(["k"], all.Select(blob => blob.Name)); // the staged blocks, awaiting Azure's clean-up
        Assert.Empty(await RawBlobs());
        var blocks = await _container.Client.GetBlockBlobClient("k").GetBlockListAsync(BlockListTypes.All, cancellationToken: Token);
        Assert.Empty(blocks.Value.CommittedBlocks);
        Assert.False(await _container.Client.GetBlobClient("k").ExistsAsync(Token));
    }

    [Fact]
    public async Task GetInfoAsync_BlobWrittenByAnotherTool_InvalidDataException()
    {
        await _container.Client.CreateAsync(cancellationToken: Token);
        await _container.Client.UploadBlobAsync("foreign", BinaryData.FromString("x"), Token);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetInfoAsync("foreign", Token));
        Assert.Contains("dataspace_version is missing", error.Message, StringComparison.Ordinal);
        Assert.True(await _store.DeleteAsync("foreign", Token));
    }

    [Fact]
    public async Task GetInfoAsync_SidecarLost_InvalidDataException()
    {
        await _store.PutAsync("k", Content.Of([1]), Content.Metadata(("label", LargeLabel)), Token);
        var sidecar = (await RawBlobs())[1].Name;
        await _container.Client.DeleteBlobAsync(sidecar, cancellationToken: Token);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetInfoAsync("k", Token));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_ConnectionStringAndContainerName_SameStore()
    {
        await _store.PutAsync("k", Content.Of([1]), Content.None, Token);

        var other = new AzureBlobStore(Azurite.ConnectionString, _container.Client.Name);

        Assert.True(await other.ExistsAsync("k", Token));
    }

    private async Task<List<BlobItem>> RawBlobs() =>
        await _container.Client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, Token).ToListAsync(Token);
}
