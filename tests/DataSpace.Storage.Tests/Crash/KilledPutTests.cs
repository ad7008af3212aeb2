using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DataSpace.Storage.Azure;
using DataSpace.Storage.FileSystem;
using DataSpace.Storage.Tests.Support;

namespace DataSpace.Storage.Tests.Crash;

/// <summary>A put whose process is killed (SIGKILL: no finally, no clean-up) publishes nothing.</summary>
public sealed class KilledPutTests : IAsyncDisposable
{
    // Two Azure blocks and several file chunks: the killed put has certainly stored some of its content.
    private const int Streamed = 9 << 20;

    private readonly TempDirectory _directory = new();
    private readonly AzuriteContainer _container = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _directory.Dispose();
        await _container.DisposeAsync();
    }

    [Fact]
    public async Task FileSystem_PutKilledMidStream_OldVersionStaysTheTempFileIsInvisibleAndGoesWhenTheStoreReopens()
    {
        var store = new FileSystemBlobStore(_directory.Path);
        var old = await store.PutAsync(KilledPutWriter.Key, Content.Of([1, 2, 3]), Content.Metadata(("v", "old")), Token);
        var keyDirectory = Path.Combine(_directory.Path, "88.608.8889", "PRD-0001");

        await KillWriterMidPutAsync("fs:" + _directory.Path);

        var leftovers = Directory.GetFiles(keyDirectory, ".blob.*.tmp");
        Assert.True(new FileInfo(Assert.Single(leftovers)).Length > Streamed / 2, "the put was killed before it stored anything");
        await AssertOldVersionAsync(store, old);

        // The connector restarting after the crash: its writer is gone, so the partial file goes at once.
        var reopened = new FileSystemBlobStore(_directory.Path);
        Assert.Empty(Directory.GetFiles(keyDirectory, ".blob.*.tmp"));
        await AssertOldVersionAsync(reopened, old);
    }

    [Fact]
    public async Task FileSystem_PutKilledMidStream_TheNextPutOfTheKeyRemovesItsTempFile()
    {
        var store = new FileSystemBlobStore(_directory.Path);
        var keyDirectory = Path.Combine(_directory.Path, "88.608.8889", "PRD-0001");

        await KillWriterMidPutAsync("fs:" + _directory.Path);
        Assert.Single(Directory.GetFiles(keyDirectory, ".blob.*.tmp"));
        await store.PutAsync(KilledPutWriter.Key, Content.Of([4, 5]), Content.None, Token);

        Assert.Empty(Directory.GetFiles(keyDirectory, ".blob.*.tmp"));
        Assert.Equal([KilledPutWriter.Key], await store.ListAsync("", Token).Select(info => info.Key).ToListAsync(Token));
    }

    [Fact]
    public async Task Azure_PutKilledMidStream_OldVersionStaysAndStagedBlocksAreInvisible()
    {
        var store = new AzureBlobStore(_container.Client);
        var old = await store.PutAsync(KilledPutWriter.Key, Content.Of([1, 2, 3]), Content.Metadata(("v", "old")), Token);

        await KillWriterMidPutAsync("azure:" + _container.Client.Name);

        var blocks = await _container.Client.GetBlockBlobClient(KilledPutWriter.Key).GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: Token);
        Assert.True(blocks.Value.UncommittedBlocks.Count() >= 2, "the put was killed before it staged anything");
        await AssertOldVersionAsync(store, old);
    }

    private static async Task AssertOldVersionAsync(IBlobStore store, BlobInfo old)
    {
        await using var blob = await store.OpenReadAsync(KilledPutWriter.Key, Token);
        Assert.Equal([1, 2, 3], await Content.ReadAllAsync(blob!));
        Assert.Equal((old.Sha256, "old"), (blob!.Info.Sha256, blob.Info.Metadata["v"]));
        Assert.Equal([KilledPutWriter.Key], await store.ListAsync("", Token).Select(info => info.Key).ToListAsync(Token));
    }

    private static async Task KillWriterMidPutAsync(string store)
    {
        var start = WriterStartInfo();
        start.Environment[KilledPutWriter.StoreVariable] = store;
        using var process = new Process { StartInfo = start };
        process.Start();
        try
        {
            // The pipe holds 64 KiB: once these writes return, the writer has read and stored the rest.
            var chunk = GeneratedStream.Bytes(1 << 20);
            for (var written = 0; written < Streamed; written += chunk.Length)
            {
                await process.StandardInput.BaseStream.WriteAsync(chunk, Token);
            }
            await process.StandardInput.BaseStream.FlushAsync(Token);
            await Task.Delay(500, Token); // let the last full chunk reach the disk or Azure
            Assert.False(process.HasExited, "the writer exited before it was killed");
        }
        finally
        {
            process.Kill(entireProcessTree: false); // SIGKILL on Unix
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static ProcessStartInfo WriterStartInfo()
    {
        // Re-launch this very test executable; its module initializer turns it into the writer.
        var host = Environment.ProcessPath!;
        var assembly = typeof(KilledPutWriter).Assembly.Location;
        var start = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo(host) { ArgumentList = { "exec", assembly } }
            : new ProcessStartInfo(host);
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        return start;
    }
}
