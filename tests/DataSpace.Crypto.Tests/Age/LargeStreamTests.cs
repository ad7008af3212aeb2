using System.Security.Cryptography;
using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// A 100 MiB file streamed through encryption and decryption with flat memory. Runs alone, so the
/// process-wide allocation count measures only this pipeline.
/// </summary>
[Collection(nameof(AllocationSensitive))]
public sealed class LargeStreamTests
{
    private const long Size = 100L * 1024 * 1024;

    /// <summary>Buffers are a few MiB; anything proportional to the input would be over 100 MiB.</summary>
    private const long AllocationBudget = 24L * 1024 * 1024;

    [Fact]
    public async Task HundredMebibytes_RoundTripWithBoundedAllocation()
    {
        using var identity = X25519Identity.Generate();
        var path = Path.Combine(Path.GetTempPath(), $"age-large-{Guid.NewGuid():N}.age");
        try
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await AgeEncryptor.EncryptAsync(new GeneratedStream(Size), file, [identity.Recipient], cancellationToken: TestContext.Current.CancellationToken);
            }
            var afterEncrypt = GC.GetTotalAllocatedBytes(precise: true);

            using var sink = new HashingSink();
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
            {
                var written = await AgeDecryptor.DecryptAsync(file, sink, [identity], TestContext.Current.CancellationToken);
                Assert.Equal(Size, written);
            }
            var afterDecrypt = GC.GetTotalAllocatedBytes(precise: true);

            Assert.Equal(ExpectedHash(), sink.Hash());
            Assert.InRange(afterEncrypt - before, 0, AllocationBudget);
            Assert.InRange(afterDecrypt - afterEncrypt, 0, AllocationBudget);
            var start = new byte[4096];
            await using (var file = File.OpenRead(path))
            {
                await file.ReadExactlyAsync(start, TestContext.Current.CancellationToken);
            }
            // 1600 full chunks, the last one final: no empty extra chunk.
            Assert.Equal(16 + Size + (16 * 1600), new FileInfo(path).Length - RoundTripTests.HeaderLength(start));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] ExpectedHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var source = new GeneratedStream(Size);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            hash.AppendData(buffer.AsSpan(0, read));
        }
        return hash.GetHashAndReset();
    }
}
