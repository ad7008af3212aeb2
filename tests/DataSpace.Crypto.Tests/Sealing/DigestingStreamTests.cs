using System.Security.Cryptography;
using DataSpace.Crypto.Sealing;

namespace DataSpace.Crypto.Tests.Sealing;

public sealed class DigestingStreamTests
{
    [Fact]
    public async Task ReadAsync_CallerOverwritesBufferAfterEachRead_DigestStillCoversTheBytesRead()
    {
        var data = RandomNumberGenerator.GetBytes(1_000_000);
        await using var stream = new DigestingStream(new MemoryStream(data));
        var buffer = new byte[100_000];

        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            // What parsers do: reuse and rewrite the buffer right away, while the hash may still run.
            buffer.AsSpan(0, read).Fill(0xAA);
        }

        Assert.Equal(SHA256.HashData(data), stream.Digest);
        Assert.Equal(data.Length, stream.BytesProcessed);
    }

    [Fact]
    public async Task WriteAsync_MixedWithSyncWrites_DigestCoversAllInOrder()
    {
        var first = RandomNumberGenerator.GetBytes(70_000);
        var second = RandomNumberGenerator.GetBytes(10);
        using var sink = new MemoryStream();
        await using var stream = new DigestingStream(sink, leaveOpen: true);

        await stream.WriteAsync(first, TestContext.Current.CancellationToken);
        stream.Write(second);

        Assert.Equal(SHA256.HashData([.. first, .. second]), stream.Digest);
        Assert.Equal([.. first, .. second], sink.ToArray());
    }

    [Fact]
    public void Digest_OfACountingStream_Throws()
    {
        using var stream = new DigestingStream(new MemoryStream([1, 2, 3]), computeDigest: false);
        Assert.Throws<InvalidOperationException>(() => stream.Digest);
    }
}
