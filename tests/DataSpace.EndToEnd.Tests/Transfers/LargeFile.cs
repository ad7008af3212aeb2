using System.Security.Cryptography;

namespace DataSpace.EndToEnd.Tests.Transfers;

/// <summary>
/// A data file large enough that a transfer takes seconds, not milliseconds, so that a connector can
/// be killed while its content is streaming: pseudo-random bytes (from a fixed seed, so nothing
/// downstream can compress it away), written once, with the SHA-256 the consumer must end up with.
/// </summary>
internal sealed record LargeFile(string Path, long Size, string Sha256)
{
    public static LargeFile Write(string path, long size)
    {
        var random = new Random(8889);
        var chunk = new byte[1 << 20];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(path))
        {
            for (long written = 0; written < size; written += chunk.Length)
            {
                var part = chunk.AsSpan(0, (int)Math.Min(chunk.Length, size - written));
                random.NextBytes(part);
                hash.AppendData(part);
                file.Write(part);
            }
        }
        return new LargeFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
