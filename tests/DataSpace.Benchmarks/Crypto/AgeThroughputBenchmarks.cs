using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using DataSpace.Crypto.Age;

namespace DataSpace.Benchmarks.Crypto;

/// <summary>
/// age v1 seal and open throughput on 256 MiB held in memory, so the disk is out of the picture:
/// MB/s = 256 MiB / mean time. The output goes to <see cref="Stream.Null"/> (encrypt) or is
/// discarded after authentication (decrypt), as a stream to a socket would be.
/// </summary>
[MemoryDiagnoser]
public class AgeThroughputBenchmarks
{
    private const int Size = 256 * 1024 * 1024;
    private byte[] _plaintext = [];
    private byte[] _ciphertext = [];
    private X25519Identity _identity = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _plaintext = new byte[Size];
        RandomNumberGenerator.Fill(_plaintext);
        _identity = X25519Identity.Generate();
        using var output = new MemoryStream(Size + Size / 1000 + 1024);
        await AgeEncryptor.EncryptAsync(new MemoryStream(_plaintext, writable: false), output, [_identity.Recipient]);
        _ciphertext = output.ToArray();
    }

    [Benchmark(Description = "seal 256 MiB (X25519, binary)")]
    public Task Seal() =>
        AgeEncryptor.EncryptAsync(new MemoryStream(_plaintext, writable: false), Stream.Null, [_identity.Recipient]);

    [Benchmark(Description = "open 256 MiB (X25519, binary)")]
    public Task<long> Open() =>
        AgeDecryptor.DecryptAsync(new MemoryStream(_ciphertext, writable: false), Stream.Null, [_identity]);

    [GlobalCleanup]
    public void Cleanup() => _identity.Dispose();
}
