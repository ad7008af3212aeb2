using DataSpace.Storage.Tests.Support;

namespace DataSpace.Storage.Tests;

/// <summary>Tests that measure the whole process's allocations, so they run alone.</summary>
[CollectionDefinition(nameof(LargeBlobContract), DisableParallelization = true)]
public sealed class LargeBlobCollection;

/// <summary>A large put streams: memory stays flat whatever the size. One subclass per store.</summary>
public abstract class LargeBlobContract
{
    private const long Size = 64L << 20;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract IBlobStore Store { get; }

    [Fact]
    public async Task PutAsync_64MiBFromANonSeekableSource_AllocatesAFractionOfIt()
    {
        await Store.PutAsync("warm-up", Content.Of([1]), Content.None, Token);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var put = await Store.PutAsync("88.608.8889/large", new GeneratedStream(Size, seed: 7), Content.Metadata(("label", "{}")), Token);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"{Store.GetType().Name}: {allocated / 1024} KiB allocated for a {Size >> 20} MiB put");
        Assert.True(allocated < Size / 4, $"the put allocated {allocated / (1 << 20)} MiB for {Size >> 20} MiB of content");
        Assert.Equal((Size, GeneratedStream.Sha256Hex(Size, seed: 7)), (put.Size, put.Sha256));
    }

    [Fact]
    public async Task OpenReadAsync_64MiB_StreamsBackTheSameBytes()
    {
        await Store.PutAsync("large", new GeneratedStream(Size, seed: 8), Content.None, Token);

        await using var blob = await Store.OpenReadAsync("large", Token);
        var buffer = new byte[1 << 16];
        long position = 0;
        int read;
        while ((read = await blob!.Content.ReadAsync(buffer, Token)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != GeneratedStream.At(position + i, 8))
                {
                    Assert.Fail($"byte {position + i} differs");
                }
            }
            position += read;
        }

        Assert.Equal(Size, position);
    }
}
