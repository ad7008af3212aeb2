using System.Security.Cryptography;

namespace DataSpace.Crypto.Age.MlKem;

/// <summary>
/// The two samplers of FIPS 203 section 4.2.2 with their hash functions (section 4.1):
/// SampleNTT (Algorithm 7) turns the public seed ρ into a uniform polynomial of the matrix Â
/// with XOF = SHAKE128, and SamplePolyCBD_η (Algorithm 8) turns PRF_η(s, b) = SHAKE256(s ‖ b,
/// 64·η) into a small secret polynomial. ML-KEM-768 uses η1 = η2 = 2, so each PRF output is
/// 128 bytes and every coefficient is in {−2, …, 2}.
/// </summary>
internal static class Sampling
{
    /// <summary>η for ML-KEM-768 (both η1 and η2).</summary>
    public const int Eta = 2;

    /// <summary>
    /// Five SHAKE128 blocks (840 bytes, 560 candidates) almost always give the 256 coefficients,
    /// which need about 473 bytes on average.
    /// </summary>
    private const int InitialXofLength = 5 * 168;

    /// <summary>
    /// Â[i, j] = SampleNTT(ρ ‖ j ‖ i) (FIPS 203 Algorithm 13, line 6, and Algorithm 14, line 6).
    /// Rejection sampling on public data: its branches reveal nothing secret. The XOF stream is
    /// squeezed in one call (incremental squeezing needs OpenSSL 3.3); in the rare case it runs
    /// out, a longer output is computed, whose prefix is the same stream, and sampling restarts.
    /// </summary>
    public static int[] SampleNtt(ReadOnlySpan<byte> rho, int i, int j)
    {
        byte[] input = [.. rho, (byte)j, (byte)i];
        var a = Ntt.Zero();
        for (var length = InitialXofLength; ; length *= 2)
        {
            var stream = Shake128.HashData(input, length);
            var count = 0;
            for (var k = 0; k + 3 <= stream.Length && count < Ntt.N; k += 3)
            {
                var d1 = stream[k] | ((stream[k + 1] & 0x0F) << 8);
                var d2 = (stream[k + 1] >> 4) | (stream[k + 2] << 4);
                if (d1 < Ntt.Q)
                {
                    a[count++] = d1;
                }
                if (d2 < Ntt.Q && count < Ntt.N)
                {
                    a[count++] = d2;
                }
            }
            if (count == Ntt.N)
            {
                return a;
            }
        }
    }

    /// <summary>
    /// SamplePolyCBD_2(PRF_2(seed, counter)): each coefficient is (b0 + b1) − (b2 + b3) for the
    /// next four bits of the PRF output, taken without branches.
    /// </summary>
    public static int[] SamplePolyCbd(ReadOnlySpan<byte> seed, byte counter)
    {
        Span<byte> input = stackalloc byte[seed.Length + 1];
        seed.CopyTo(input);
        input[^1] = counter;
        Span<byte> bytes = stackalloc byte[64 * Eta];
        Shake256.HashData(input, bytes);
        var f = Ntt.Zero();
        for (var i = 0; i < Ntt.N; i++)
        {
            var nibble = (bytes[i / 2] >> (4 * (i % 2))) & 0x0F;
            var x = (nibble & 1) + ((nibble >> 1) & 1);
            var y = ((nibble >> 2) & 1) + ((nibble >> 3) & 1);
            f[i] = Ntt.Reduce(x - y + Ntt.Q);
        }
        CryptographicOperations.ZeroMemory(bytes);
        return f;
    }
}
