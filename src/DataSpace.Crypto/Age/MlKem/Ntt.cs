namespace DataSpace.Crypto.Age.MlKem;

/// <summary>
/// Arithmetic in R_q = Z_q[X]/(X^256 + 1), q = 3329, as FIPS 203 section 4.3 defines it: the
/// number-theoretic transform (Algorithm 9), its inverse (Algorithm 10) and multiplication in
/// the NTT domain (Algorithms 11 and 12). A polynomial is an <c>int[256]</c> of coefficients
/// kept in [0, q). Every step is plain arithmetic on the values, with no branch that depends on
/// them; the reductions are divisions by the constant q, which the JIT compiles to multiplications.
/// </summary>
internal static class Ntt
{
    /// <summary>n, the number of coefficients.</summary>
    public const int N = 256;

    /// <summary>q, the ML-KEM modulus.</summary>
    public const int Q = 3329;

    /// <summary>128^-1 mod q, the scaling of the inverse NTT (FIPS 203 Algorithm 10, line 14).</summary>
    private const int InverseOf128 = 3303;

    /// <summary>ζ = 17, a primitive 256th root of unity modulo q.</summary>
    private const int Zeta = 17;

    /// <summary>ζ^BitRev7(i) mod q for i = 0..127 (FIPS 203 Appendix A, first table).</summary>
    private static readonly int[] Zetas = Table(i => BitRev7(i));

    /// <summary>ζ^(2·BitRev7(i)+1) mod q for i = 0..127 (FIPS 203 Appendix A, second table).</summary>
    private static readonly int[] Gammas = Table(i => (2 * BitRev7(i)) + 1);

    /// <summary>a mod q for a ≥ 0.</summary>
    public static int Reduce(int a) => (int)((uint)a % Q);

    /// <summary>A new all-zero polynomial.</summary>
    public static int[] Zero() => new int[N];

    /// <summary>FIPS 203 Algorithm 9, NTT(f), in place.</summary>
    public static void Forward(int[] f)
    {
        var i = 1;
        for (var len = 128; len >= 2; len /= 2)
        {
            for (var start = 0; start < N; start += 2 * len)
            {
                var zeta = Zetas[i++];
                for (var j = start; j < start + len; j++)
                {
                    var t = Reduce(zeta * f[j + len]);
                    f[j + len] = Reduce(f[j] - t + Q);
                    f[j] = Reduce(f[j] + t);
                }
            }
        }
    }

    /// <summary>FIPS 203 Algorithm 10, NTT^-1(f̂), in place.</summary>
    public static void Inverse(int[] f)
    {
        var i = 127;
        for (var len = 2; len <= 128; len *= 2)
        {
            for (var start = 0; start < N; start += 2 * len)
            {
                var zeta = Zetas[i--];
                for (var j = start; j < start + len; j++)
                {
                    var t = f[j];
                    f[j] = Reduce(t + f[j + len]);
                    f[j + len] = Reduce(zeta * (f[j + len] - t + Q));
                }
            }
        }
        for (var j = 0; j < N; j++)
        {
            f[j] = Reduce(f[j] * InverseOf128);
        }
    }

    /// <summary>
    /// accumulator += f̂ × ĝ in the NTT domain: FIPS 203 Algorithm 11 (MultiplyNTTs), whose 128
    /// degree-one products are Algorithm 12 (BaseCaseMultiply) modulo X^2 − γ_i.
    /// </summary>
    public static void MultiplyAccumulate(int[] accumulator, int[] f, int[] g)
    {
        for (var i = 0; i < N / 2; i++)
        {
            int a0 = f[2 * i], a1 = f[(2 * i) + 1], b0 = g[2 * i], b1 = g[(2 * i) + 1];
            var c0 = Reduce((a0 * b0) + (Reduce(a1 * b1) * Gammas[i]));
            var c1 = Reduce((a0 * b1) + (a1 * b0));
            accumulator[2 * i] = Reduce(accumulator[2 * i] + c0);
            accumulator[(2 * i) + 1] = Reduce(accumulator[(2 * i) + 1] + c1);
        }
    }

    /// <summary>f += g, coefficient by coefficient.</summary>
    public static void Add(int[] f, int[] g)
    {
        for (var j = 0; j < N; j++)
        {
            f[j] = Reduce(f[j] + g[j]);
        }
    }

    /// <summary>f −= g, coefficient by coefficient.</summary>
    public static void Subtract(int[] f, int[] g)
    {
        for (var j = 0; j < N; j++)
        {
            f[j] = Reduce(f[j] - g[j] + Q);
        }
    }

    /// <summary>The 7-bit reversal of i (FIPS 203 section 2.3, BitRev7).</summary>
    private static int BitRev7(int i)
    {
        var reversed = 0;
        for (var bit = 0; bit < 7; bit++)
        {
            reversed |= ((i >> bit) & 1) << (6 - bit);
        }
        return reversed;
    }

    private static int[] Table(Func<int, int> exponent)
    {
        var table = new int[128];
        for (var i = 0; i < table.Length; i++)
        {
            var power = 1;
            for (var e = exponent(i); e > 0; e--)
            {
                power = power * Zeta % Q;
            }
            table[i] = power;
        }
        return table;
    }
}
