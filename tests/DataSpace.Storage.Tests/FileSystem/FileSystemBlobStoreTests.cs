using System.Text;
using System.Text.Json;
using DataSpace.Storage.FileSystem;
using DataSpace.Storage.Tests.Support;

namespace DataSpace.Storage.Tests.FileSystem;

/// <summary>The store contract, and the layout and crash behaviour on disk.</summary>
public sealed class FileSystemBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests()
    {
        _store = new FileSystemBlobStore(_directory.Path);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected override IBlobStore Store => _store;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task PutAsync_WritesOneFileInTheKeysDirectory_HeaderLineThenContent()
    {
        var bytes = Encoding.UTF8.GetBytes("id,value\n1,2\n");
        var put = await _store.PutAsync("88.608.8889/PRD-0001", Content.Of(bytes), Content.Metadata(("label", "{\"category\":\"重要\"}")), Token);

        var file = await File.ReadAllBytesAsync(Path.Combine(_directory.Path, "88.608.8889", "PRD-0001", ".blob"), Token);
        var newline = Array.IndexOf(file, (byte)'\n');
        using var header = JsonDocument.Parse(file.AsMemory(0, newline));

        Assert.Equal(bytes, file[(newline + 1)..]);
        Assert.Equal(["format", "sha256", "createdAt", "metadata"], header.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("dataspace-blob/1", header.RootElement.GetProperty("format").GetString());
        Assert.Equal(put.Sha256, header.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(put.CreatedAt, header.RootElement.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("{\"category\":\"重要\"}", header.RootElement.GetProperty("metadata").GetProperty("label").GetString());
        Assert.Equal([".blob"], Directory.GetFileSystemEntries(Path.Combine(_directory.Path, "88.608.8889", "PRD-0001")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task PutAsync_SourceFailsOrIsCancelled_LeavesNoTemporaryFile()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("a/k", new GeneratedStream(3 << 20) { FailAt = 2 << 20 }, Content.None, Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.PutAsync("a/k",
            new GeneratedStream(3 << 20) { TriggerAt = 2 << 20, OnTrigger = cancellation.Cancel }, Content.None, cancellation.Token));

        Assert.Empty(Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutAsync_TempFileOfACrashedPut_IsSweptButALiveOneIsNot()
    {
        await _store.PutAsync("k", Content.Of([1]), Content.None, Token);
        var directory = Path.Combine(_directory.Path, "k");
        var crashed = Path.Combine(directory, ".blob.00000000000000000000000000000001.tmp");
        var live = Path.Combine(directory, ".blob.00000000000000000000000000000002.tmp");
        await File.WriteAllTextAsync(crashed, "half a blob", Token);
        await File.WriteAllTextAsync(live, "a put in progress", Token);
        File.SetLastWriteTimeUtc(crashed, DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-1));
        await using var writer = new FileStream(live, FileMode.Open, FileAccess.Write, FileShare.None);

        Assert.Equal(["k"], await Keys(""));
        await _store.PutAsync("k", Content.Of([2]), Content.None, Token);

        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(live));
    }

    [Fact]
    public async Task OpenReadAsync_KeyDeletedOrOverwrittenMidRead_ReaderKeepsItsVersion()
    {
        var first = GeneratedStream.Bytes(2 << 20, seed: 1);
        await _store.PutAsync("k", Content.Of(first), Content.None, Token);
        await using var blob = await _store.OpenReadAsync("k", Token);
        var start = new byte[1000];
        await blob!.Content.ReadExactlyAsync(start, Token);

        await _store.PutAsync("k", Content.Of(GeneratedStream.Bytes(3 << 20, seed: 2)), Content.None, Token);
        Assert.True(await _store.DeleteAsync("k", Token));

        var rest = await Content.ReadAllAsync(blob);
        Assert.Equal(first, start.Concat(rest).ToArray());
        Assert.Equal(first.Length, blob.Content.Length);
    }

    [Fact]
    public async Task OpenReadAsync_Content_IsSeekableWithinTheContent()
    {
        await _store.PutAsync("k", Content.Of([10, 11, 12, 13]), Content.Metadata(("label", LargeLabel)), Token);
        await using var blob = await _store.OpenReadAsync("k", Token);

        blob!.Content.Seek(-2, SeekOrigin.End);
        var tail = new byte[8];
        var read = await blob.Content.ReadAsync(tail, Token);
        blob.Content.Position = 0;

        Assert.Equal([12, 13], tail[..read]);
        Assert.Equal(10, blob.Content.ReadByte());
    }

    [Fact]
    public async Task ListAsync_StoresOwnAndForeignDotNames_NotListed()
    {
        await _store.PutAsync("a/b", Content.Of([1]), Content.None, Token);
        Directory.CreateDirectory(Path.Combine(_directory.Path, ".trash", "x"));
        File.Copy(Path.Combine(_directory.Path, "a", "b", ".blob"), Path.Combine(_directory.Path, ".trash", "x", ".blob"));
        Directory.CreateDirectory(Path.Combine(_directory.Path, "a", "empty-directory"));
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, "a", "stray-file"), "", Token);

        Assert.Equal(["a/b"], await Keys(""));
    }

    [Fact]
    public async Task DeleteAsync_RemovesEmptyDirectories_KeepsThoseOfOtherKeys()
    {
        await _store.PutAsync("x/y/z", Content.Of([1]), Content.None, Token);
        await _store.PutAsync("x/w", Content.Of([1]), Content.None, Token);

        await _store.DeleteAsync("x/y/z", Token);

        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "x", "y")));
        Assert.True(Directory.Exists(Path.Combine(_directory.Path, "x", "w")));
        Assert.True(Directory.Exists(_directory.Path));
        await _store.DeleteAsync("x/w", Token);
        Assert.Empty(Directory.GetFileSystemEntries(_directory.Path));
    }

    [Fact]
    public async Task NewStore_SameRoot_SeesTheBlobs()
    {
        var put = await _store.PutAsync("88.608.8889/PRD-0001", Content.Of([1, 2, 3]), Content.Metadata(("label", LargeLabel)), Token);

        var reopened = new FileSystemBlobStore(_directory.Path + Path.DirectorySeparatorChar);

        var info = await reopened.GetInfoAsync("88.608.8889/PRD-0001", Token);
        Assert.Equal((put.Size, put.Sha256, put.CreatedAt, LargeLabel), (info!.Size, info.Sha256, info.CreatedAt, info.Metadata["label"]));
    }

    [Fact]
    public async Task PutAsync_KeysWithDotsInside_StayUnderTheRoot()
    {
        await _store.PutAsync("a..b/c..d", Content.Of([1]), Content.None, Token);

        Assert.True(File.Exists(Path.Combine(_directory.Path, "a..b", "c..d", ".blob")));
        Assert.Equal(["a..b/c..d"], await Keys(""));
    }

    [Theory]
    [InlineData("not json\ncontent")]
    [InlineData("{\"format\":\"dataspace-blob/1\",\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"createdAt\":\"1970-01-01T00:00:00.000Z\",\"metadata\":{}}\n")]
    [InlineData("{\"format\":\"dataspace-blob/2\",\"sha256\":\"ab\",\"createdAt\":\"x\",\"metadata\":{}}\n")]
    [InlineData("{\"format\":\"dataspace-blob/1\"")]
    public async Task GetInfoAsync_CorruptOrUnsealedFile_InvalidDataException(string file)
    {
        Directory.CreateDirectory(Path.Combine(_directory.Path, "k"));
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, "k", ".blob"), file, Token);

        await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetInfoAsync("k", Token));
        await Assert.ThrowsAsync<InvalidDataException>(() => _store.OpenReadAsync("k", Token));
    }
}
