namespace DataSpace.Crypto.Age.MlKem;

/// <summary>
/// FIPS 203 section 4.2.1: ByteEncode_d / ByteDecode_d (Algorithms 5 and 6), which pack 256
/// d-bit integers little-endian into 32·d bytes, and Compress_d / Decompress_d (equations 4.7
/// and 4.8), which round between Z_q and d-bit integers. ML-KEM-768 uses d = 12 for keys,
/// d_u = 10 and d_v = 4 for the ciphertext, and d = 1 for the message.
/// </summary>
internal static class PolyCoding
{
    /// <summary>ByteEncode_d(f) into 32·d bytes of <paramref name="output"/>.</summary>
    public static void ByteEncode(int[] f, int d, Span<byte> output)
    {
        ulong accumulator = 0;
        var bits = 0;
        var o = 0;
        foreach (var value in f)
        {
            accumulator |= (ulong)value << bits;
            bits += d;
            while (bits >= 8)
            {
                output[o++] = (byte)accumulator;
                accumulator >>= 8;
                bits -= 8;
            }
        }
    }

    /// <summary>
    /// ByteDecode_d of 32·d bytes. For d = 12 the values are taken modulo q, as the standard says
    /// (Algorithm 6, m = q); callers that must reject unreduced input compare a re-encoding.
    /// </summary>
    public static int[] ByteDecode(ReadOnlySpan<byte> input, int d)
    {
        var f = Ntt.Zero();
        ulong accumulator = 0;
        var bits = 0;
        var i = 0;
        var mask = (1UL << d) - 1;
        foreach (var value in input[..(32 * d)])
        {
            accumulator |= (ulong)value << bits;
            bits += 8;
            while (bits >= d)
            {
                f[i++] = (int)(accumulator & mask);
                accumulator >>= d;
                bits -= d;
            }
        }
        if (d == 12)
        {
            for (var j = 0; j < Ntt.N; j++)
            {
                f[j] = Ntt.Reduce(f[j]);
            }
        }
        return f;
    }

    /// <summary>Compress_d(x) = ⌈(2^d / q)·x⌋ mod 2^d, in place. q is odd, so there are no ties.</summary>
    public static void Compress(int[] f, int d)
    {
        for (var j = 0; j < Ntt.N; j++)
        {
            f[j] = (int)((((uint)f[j] << d) + (Ntt.Q / 2)) / Ntt.Q) & ((1 << d) - 1);
        }
    }

    /// <summary>Decompress_d(y) = ⌈(q / 2^d)·y⌋, rounding halves up, in place.</summary>
    public static void Decompress(int[] f, int d)
    {
        for (var j = 0; j < Ntt.N; j++)
        {
            f[j] = ((f[j] * Ntt.Q) + (1 << (d - 1))) >> d;
        }
    }
}
