using DataSpace.Storage.Tests.Support;

namespace DataSpace.Storage.Tests;

/// <summary>The contract every <see cref="IBlobStore"/> must honour; one subclass per store.</summary>
public abstract class BlobStoreContract
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The store under test, empty at the start of each test.</summary>
    protected abstract IBlobStore Store { get; }

    /// <summary>A 20 KB JSON label with non-ASCII text, over Azure's 8 KiB metadata limit.</summary>
    protected static string LargeLabel { get; } =
        "{\"category\":\"核心\",\"domain\":\"production\",\"notes\":\"" + string.Concat(Enumerable.Repeat("数据安全 ✓ \\\"quoted\\\" ", 1000)) + "\"}";

    [Fact]
    public async Task PutAsync_ThenOpenReadAsync_RoundTripsContentAndMetadata()
    {
        var bytes = GeneratedStream.Bytes(300_000);
        var metadata = Content.Metadata(
            ("label", LargeLabel),
            ("名称", "重要数据 😀"),
            ("with \"quotes\"\n and\ttabs", "line\nbreak"),
            ("Case", "upper"),
            ("case", "lower"),
            ("", "empty name"),
            ("empty", ""));

        await Store.PutAsync("88.608.8889/PRD-0001", Content.Of(bytes), metadata, Token);
        await using var blob = await Store.OpenReadAsync("88.608.8889/PRD-0001", Token);

        Assert.NotNull(blob);
        Assert.Equal(bytes, await Content.ReadAllAsync(blob));
        Assert.Equal(metadata.OrderBy(e => e.Key, StringComparer.Ordinal), blob.Info.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal("88.608.8889/PRD-0001", blob.Info.Key);
    }

    [Fact]
    public async Task PutAsync_SmallUnicodeMetadata_RoundTrips()
    {
        var metadata = Content.Metadata(("label", "{\"category\":\"一般\"}"), ("ключ", "значение"));

        await Store.PutAsync("a", Content.Of([1, 2, 3]), metadata, Token);

        Assert.Equal(metadata.OrderBy(e => e.Key), (await Store.GetInfoAsync("a", Token))!.Metadata.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task PutAsync_ReturnsSizeSha256AndTime_AsGetInfoAsyncDoes()
    {
        var bytes = GeneratedStream.Bytes(5 * 1024 * 1024 + 17, seed: 3);
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);

        var put = await Store.PutAsync("88.608.8889/PRD-0002", Content.Of(bytes), Content.None, Token);
        var info = await Store.GetInfoAsync("88.608.8889/PRD-0002", Token);

        Assert.Equal(bytes.Length, put.Size);
        Assert.Equal(Content.Sha256Hex(bytes), put.Sha256);
        Assert.InRange(put.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(TimeSpan.Zero, put.CreatedAt.Offset);
        Assert.NotNull(info);
        Assert.Equal((put.Key, put.Size, put.Sha256, put.CreatedAt), (info.Key, info.Size, info.Sha256, info.CreatedAt));
        Assert.Empty(info.Metadata);
    }

    [Fact]
    public async Task PutAsync_EmptyContent_StoresAnEmptyBlob()
    {
        var put = await Store.PutAsync("empty", Content.Of([]), Content.None, Token);
        await using var blob = await Store.OpenReadAsync("empty", Token);

        Assert.Equal(0, put.Size);
        Assert.Equal(Content.Sha256Hex([]), put.Sha256);
        Assert.NotNull(blob);
        Assert.Empty(await Content.ReadAllAsync(blob));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task PutAsync_ExistingKey_ReplacesContentAndMetadata(bool largeFirst, bool largeSecond)
    {
        var first = Content.Metadata(("version", "1"), ("only-in-first", largeFirst ? LargeLabel : "x"));
        var second = Content.Metadata(("version", "2"), ("label", largeSecond ? LargeLabel : "y"));
        await Store.PutAsync("k", Content.Of(GeneratedStream.Bytes(1000, seed: 1)), first, Token);

        await Store.PutAsync("k", Content.Of(GeneratedStream.Bytes(700, seed: 2)), second, Token);

        await using var blob = await Store.OpenReadAsync("k", Token);
        Assert.NotNull(blob);
        Assert.Equal(GeneratedStream.Bytes(700, seed: 2), await Content.ReadAllAsync(blob));
        Assert.Equal(second.OrderBy(e => e.Key), blob.Info.Metadata.OrderBy(e => e.Key));
        Assert.Equal(["k"], await Keys(""));
    }

    [Fact]
    public async Task ListAsync_ByPrefix_MatchingKeysInKeyOrder()
    {
        string[] keys =
        [
            "88.608.8889/PRD-0002", "88.608.8889/PRD-0001/v2", "other/x", "88.608.8889/PRD-0001", "88.608.8890/PRD-0001",
            "88.608.8889/PRD-0001-x", "88.608.888/z", "88.608.8889/B", "数据/资产-1", "88.608.8889/PRD-0001/v2/deeper",
        ];
        foreach (var key in keys)
        {
            await Store.PutAsync(key, Content.Of(System.Text.Encoding.UTF8.GetBytes(key)), Content.Metadata(("key", key)), Token);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), await Keys(""));
        Assert.Equal(
            ["88.608.8889/B", "88.608.8889/PRD-0001", "88.608.8889/PRD-0001-x", "88.608.8889/PRD-0001/v2", "88.608.8889/PRD-0001/v2/deeper", "88.608.8889/PRD-0002"],
            await Keys("88.608.8889/"));
        Assert.Equal(["88.608.8889/PRD-0001", "88.608.8889/PRD-0001-x", "88.608.8889/PRD-0001/v2", "88.608.8889/PRD-0001/v2/deeper"], await Keys("88.608.8889/PRD-0001"));
        Assert.Equal(["88.608.888/z", "88.608.8889/B"], (await Keys("88.608.888")).Take(2));
        Assert.Equal(["88.608.8890/PRD-0001"], await Keys("88.608.889"));
        Assert.Equal(["数据/资产-1"], await Keys("数"));
        Assert.Empty(await Keys("nothing/"));

        await foreach (var info in Store.ListAsync("88.608.8889/PRD-0002", Token))
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(info.Key), info.Size);
            Assert.Equal(info.Key, info.Metadata["key"]);
            Assert.Equal(Content.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(info.Key)), info.Sha256);
        }
    }

    [Fact]
    public async Task ListAsync_LargeMetadata_Described()
    {
        await Store.PutAsync("x/1", Content.Of([1]), Content.Metadata(("label", LargeLabel)), Token);

        var listed = await Store.ListAsync("x/", Token).ToListAsync(Token);

        Assert.Equal(LargeLabel, Assert.Single(listed).Metadata["label"]);
    }

    [Fact]
    public async Task Keys_ABlobAndABlobBelowIt_Coexist()
    {
        await Store.PutAsync("a/b", Content.Of([1]), Content.None, Token);
        await Store.PutAsync("a/b/c", Content.Of([2]), Content.None, Token);

        Assert.True(await Store.DeleteAsync("a/b", Token));
        Assert.Equal(["a/b/c"], await Keys("a/"));
        await Store.PutAsync("a/b", Content.Of([3]), Content.None, Token);
        Assert.True(await Store.DeleteAsync("a/b/c", Token));

        await using var blob = await Store.OpenReadAsync("a/b", Token);
        Assert.Equal([3], await Content.ReadAllAsync(blob!));
        Assert.Equal(["a/b"], await Keys(""));
    }

    [Fact]
    public async Task DeleteAsync_Twice_IsIdempotent()
    {
        await Store.PutAsync("88.608.8889/PRD-0001", Content.Of([1, 2]), Content.Metadata(("label", LargeLabel)), Token);

        Assert.True(await Store.DeleteAsync("88.608.8889/PRD-0001", Token));
        Assert.False(await Store.DeleteAsync("88.608.8889/PRD-0001", Token));

        Assert.False(await Store.ExistsAsync("88.608.8889/PRD-0001", Token));
        Assert.Null(await Store.GetInfoAsync("88.608.8889/PRD-0001", Token));
        Assert.Empty(await Keys(""));
    }

    [Fact]
    public async Task MissingKey_NotFoundEverywhere()
    {
        Assert.Null(await Store.OpenReadAsync("88.608.8889/none", Token));
        Assert.Null(await Store.GetInfoAsync("88.608.8889/none", Token));
        Assert.False(await Store.ExistsAsync("88.608.8889/none", Token));
        Assert.False(await Store.DeleteAsync("88.608.8889/none", Token));
        Assert.Empty(await Keys(""));
    }

    [Fact]
    public async Task ExistsAsync_AfterPut_True()
    {
        await Store.PutAsync("k", Content.Of([1]), Content.None, Token);

        Assert.True(await Store.ExistsAsync("k", Token));
        Assert.False(await Store.ExistsAsync("k/below", Token));
        Assert.False(await Store.ExistsAsync("other", Token));
    }

    [Theory]
    [MemberData(nameof(KeyCases.Invalid), MemberType = typeof(KeyCases))]
    public async Task EveryOperation_InvalidKey_ArgumentExceptionSayingWhy(string key, string fragment)
    {
        await AssertRejected(() => Store.PutAsync(key, Content.Of([1]), Content.None, Token));
        await AssertRejected(() => Store.OpenReadAsync(key, Token));
        await AssertRejected(() => Store.GetInfoAsync(key, Token));
        await AssertRejected(() => Store.ExistsAsync(key, Token));
        await AssertRejected(() => Store.DeleteAsync(key, Token));
        Assert.Empty(await Keys(""));

        async Task AssertRejected(Func<Task> operation)
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(operation);
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("../")]
    [InlineData("a/../")]
    [InlineData("/")]
    [InlineData("a\\")]
    public async Task ListAsync_InvalidPrefix_ArgumentException(string prefix) =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(prefix, Token).ToListAsync(Token));

    [Fact]
    public async Task PutAsync_InvalidMetadata_ArgumentExceptionAndNothingStored()
    {
        var nullValue = new Dictionary<string, string> { ["label"] = null! };
        var tooLarge = Content.Metadata(("label", new string('x', BlobMetadata.MaxEncodedBytes)));
        var notUnicode = Content.Metadata(("label", "\uDC00"));

        foreach (var metadata in new[] { nullValue, tooLarge, notUnicode })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("k", Content.Of([1]), metadata, Token));
            Assert.Equal("metadata", error.ParamName);
        }
        Assert.Empty(await Keys(""));
    }

    [Fact]
    public async Task PutAsync_SourceFailsHalfway_NewKeyStaysAbsent()
    {
        var source = new GeneratedStream(9 * 1024 * 1024) { FailAt = 5 * 1024 * 1024 };

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync("k", source, Content.Metadata(("label", LargeLabel)), Token));

        Assert.Null(await Store.GetInfoAsync("k", Token));
        Assert.Null(await Store.OpenReadAsync("k", Token));
        Assert.Empty(await Keys(""));
    }

    [Fact]
    public async Task PutAsync_WithCheck_CheckSeesTheStoredSizeAndDigestBeforeAnythingIsPublished()
    {
        var bytes = GeneratedStream.Bytes(5 * 1024 * 1024 + 3, seed: 5);
        (long Size, string Sha256, bool Visible)? seen = null;

        var put = await Store.PutAsync("k", Content.Of(bytes), Content.None, async (size, sha256, ct) =>
            seen = (size, sha256, await Store.ExistsAsync("k", ct)), Token);

        Assert.Equal((bytes.Length, Content.Sha256Hex(bytes), false), seen);
        Assert.Equal((put.Size, put.Sha256, false), seen);
        Assert.True(await Store.ExistsAsync("k", Token));
    }

    [Fact]
    public async Task PutAsync_CheckRefuses_ItsExceptionAndTheOldVersionStaysWhole()
    {
        var old = await Store.PutAsync("k", Content.Of(GeneratedStream.Bytes(1000)), Content.None, Token);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Store.PutAsync("k", Content.Of(GeneratedStream.Bytes(2000, seed: 2)), Content.None,
            (_, _, _) => throw new InvalidDataException("not what was signed"), Token));

        Assert.Equal("not what was signed", refused.Message);
        Assert.Equal(old.Sha256, (await Store.GetInfoAsync("k", Token))!.Sha256);
        Assert.Equal(["k"], await Keys(""));
    }

    [Fact]
    public async Task PutAsync_SourceFailsHalfway_OldVersionStaysWhole()
    {
        var old = await Store.PutAsync("k", Content.Of(GeneratedStream.Bytes(1000)), Content.Metadata(("label", LargeLabel)), Token);
        var source = new GeneratedStream(9 * 1024 * 1024, seed: 2) { FailAt = 5 * 1024 * 1024 };

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync("k", source, Content.Metadata(("label", "new")), Token));

        await using var blob = await Store.OpenReadAsync("k", Token);
        Assert.Equal(GeneratedStream.Bytes(1000), await Content.ReadAllAsync(blob!));
        Assert.Equal((old.Sha256, LargeLabel), (blob!.Info.Sha256, blob.Info.Metadata["label"]));
        Assert.Equal(["k"], await Keys(""));
    }

    [Fact]
    public async Task PutAsync_CancelledMidStream_PublishesNothing()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var source = new GeneratedStream(9 * 1024 * 1024) { TriggerAt = 5 * 1024 * 1024, OnTrigger = cancellation.Cancel };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync("k", source, Content.Metadata(("label", LargeLabel)), cancellation.Token));

        Assert.Null(await Store.GetInfoAsync("k", Token));
        Assert.Empty(await Keys(""));
    }

    [Fact]
    public async Task PutAsync_CancelledBeforehand_PublishesNothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync("k", Content.Of([1]), Content.None, new CancellationToken(canceled: true)));

        Assert.Empty(await Keys(""));
    }

    [Fact]
    public async Task OpenReadAsync_WhileTheKeyIsOverwritten_EveryReaderSeesOneWholeVersion()
    {
        // Versions differ in every byte, in size and in metadata, so any mix would show.
        var versions = new[] { (Size: 3 * 1024 * 1024, Fill: (byte)'A'), (Size: 5 * 1024 * 1024 + 3, Fill: (byte)'B') };
        byte[] Bytes(int v) => Enumerable.Repeat(versions[v].Fill, versions[v].Size).ToArray();
        Dictionary<string, string> Metadata(int v) => Content.Metadata(("version", v.ToString()), ("label", v == 0 ? LargeLabel : "small"));
        await Store.PutAsync("k", Content.Of(Bytes(0)), Metadata(0), Token);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 12; i++)
            {
                await Store.PutAsync("k", Content.Of(Bytes(i % 2)), Metadata(i % 2), Token);
            }
            await writing.CancelAsync();
        }, Token);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!writing.IsCancellationRequested || reads == 0)
            {
                await using var blob = await Store.OpenReadAsync("k", Token);
                Assert.NotNull(blob);
                var version = int.Parse(blob.Info.Metadata["version"]);
                var bytes = await ReadSlowlyAsync(blob.Content);
                Assert.Equal(versions[version].Size, bytes.Length);
                Assert.Equal(blob.Info.Size, bytes.Length);
                Assert.True(bytes.AsSpan().IndexOfAnyExcept(versions[version].Fill) < 0, $"a read of version {version} holds bytes of another");
                Assert.Equal(Content.Sha256Hex(bytes), blob.Info.Sha256);
                Assert.Equal(version == 0 ? LargeLabel : "small", blob.Info.Metadata["label"]);
                reads++;
            }
            return reads;
        }, Token)).ToArray();

        await writer;
        var reads = await Task.WhenAll(readers);
        Assert.All(reads, count => Assert.True(count > 0));
    }

    [Fact]
    public async Task PutAsync_ConcurrentPutsToOneKey_LeaveOneWholePublishedVersion()
    {
        var puts = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            try
            {
                await Store.PutAsync("k", new GeneratedStream(2 * 1024 * 1024 + w, seed: w), Content.Metadata(("writer", w.ToString())), Token);
                return true;
            }
            catch (BlobConflictException)
            {
                return false;
            }
        }, Token)).ToArray();
        var published = await Task.WhenAll(puts);

        Assert.Contains(true, published);
        await using var blob = await Store.OpenReadAsync("k", Token);
        Assert.NotNull(blob);
        var writer = int.Parse(blob.Info.Metadata["writer"]);
        Assert.True(published[writer], "the key holds a version whose put did not report success");
        Assert.Equal(GeneratedStream.Bytes(2 * 1024 * 1024 + writer, seed: writer), await Content.ReadAllAsync(blob));
        Assert.Equal(GeneratedStream.Sha256Hex(2 * 1024 * 1024 + writer, seed: writer), blob.Info.Sha256);
        Assert.Equal(["k"], await Keys(""));
    }

    [Fact]
    public async Task PutAsync_NullArguments_ArgumentNullException()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.PutAsync("k", null!, Content.None, Token));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.PutAsync("k", Content.Of([1]), null!, Token));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.PutAsync(null!, Content.Of([1]), Content.None, Token));
    }

    protected async Task<List<string>> Keys(string prefix) =>
        await Store.ListAsync(prefix, Token).Select(info => info.Key).ToListAsync(Token);

    // Small reads with yields in between, so that an overwrite has every chance to land mid-read.
    private static async Task<byte[]> ReadSlowlyAsync(Stream content)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[256 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, Token)) > 0)
        {
            copy.Write(buffer, 0, read);
            await Task.Yield();
        }
        return copy.ToArray();
    }
}
