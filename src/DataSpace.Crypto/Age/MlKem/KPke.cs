using System.Security.Cryptography;

namespace DataSpace.Crypto.Age.MlKem;

/// <summary>
/// K-PKE, the CPA-secure encryption scheme under ML-KEM (FIPS 203 section 5), for the
/// ML-KEM-768 parameters k = 3, η1 = η2 = 2, d_u = 10, d_v = 4. Sizes: encryption key
/// 384·k + 32 = 1184 bytes, decryption key 384·k = 1152 bytes, ciphertext 32·(d_u·k + d_v) =
/// 1088 bytes, message 32 bytes.
/// </summary>
internal static class KPke
{
    public const int K = 3;
    public const int DecryptionKeySize = 384 * K;
    public const int EncryptionKeySize = DecryptionKeySize + 32;
    public const int CiphertextSize = 32 * ((Du * K) + Dv);
    public const int MessageSize = 32;

    private const int Du = 10;
    private const int Dv = 4;

    /// <summary>FIPS 203 Algorithm 13, K-PKE.KeyGen(d): returns (ek_PKE, dk_PKE).</summary>
    public static (byte[] EncryptionKey, byte[] DecryptionKey) KeyGen(ReadOnlySpan<byte> d)
    {
        Span<byte> seeds = stackalloc byte[64];
        SHA3_512.HashData([.. d, K], seeds); // (ρ, σ) ← G(d ‖ k)
        var rho = seeds[..32];
        var sigma = seeds[32..];
        var a = Matrix(rho);

        byte counter = 0;
        var s = new int[K][];
        var e = new int[K][];
        for (var i = 0; i < K; i++)
        {
            s[i] = Sampling.SamplePolyCbd(sigma, counter++);
            Ntt.Forward(s[i]);
        }
        for (var i = 0; i < K; i++)
        {
            e[i] = Sampling.SamplePolyCbd(sigma, counter++);
            Ntt.Forward(e[i]);
        }

        var encryptionKey = new byte[EncryptionKeySize];
        var decryptionKey = new byte[DecryptionKeySize];
        for (var i = 0; i < K; i++)
        {
            var t = e[i]; // t̂[i] = ê[i] + Σ_j Â[i, j] ∘ ŝ[j]
            for (var j = 0; j < K; j++)
            {
                Ntt.MultiplyAccumulate(t, a[i, j], s[j]);
            }
            PolyCoding.ByteEncode(t, 12, encryptionKey.AsSpan(384 * i, 384));
            PolyCoding.ByteEncode(s[i], 12, decryptionKey.AsSpan(384 * i, 384));
        }
        for (var i = 0; i < K; i++)
        {
            Array.Clear(s[i]);
            Array.Clear(e[i]);
        }
        rho.CopyTo(encryptionKey.AsSpan(DecryptionKeySize));
        CryptographicOperations.ZeroMemory(seeds);
        return (encryptionKey, decryptionKey);
    }

    /// <summary>FIPS 203 Algorithm 14, K-PKE.Encrypt(ek, m, r), deterministic in its randomness r.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> randomness)
    {
        var t = new int[K][];
        for (var i = 0; i < K; i++)
        {
            t[i] = PolyCoding.ByteDecode(encryptionKey.Slice(384 * i, 384), 12);
        }
        var a = Matrix(encryptionKey[DecryptionKeySize..]);

        byte counter = 0;
        var y = new int[K][];
        for (var i = 0; i < K; i++)
        {
            y[i] = Sampling.SamplePolyCbd(randomness, counter++);
            Ntt.Forward(y[i]);
        }
        var ciphertext = new byte[CiphertextSize];
        for (var i = 0; i < K; i++)
        {
            var u = Ntt.Zero(); // u[i] = NTT^-1(Σ_j Â[j, i] ∘ ŷ[j]) + e1[i]
            for (var j = 0; j < K; j++)
            {
                Ntt.MultiplyAccumulate(u, a[j, i], y[j]);
            }
            Ntt.Inverse(u);
            Ntt.Add(u, Sampling.SamplePolyCbd(randomness, counter++));
            PolyCoding.Compress(u, Du);
            PolyCoding.ByteEncode(u, Du, ciphertext.AsSpan(32 * Du * i, 32 * Du));
        }

        var v = Ntt.Zero(); // v = NTT^-1(t̂ᵀ ∘ ŷ) + e2 + μ
        for (var i = 0; i < K; i++)
        {
            Ntt.MultiplyAccumulate(v, t[i], y[i]);
            Array.Clear(y[i]);
        }
        Ntt.Inverse(v);
        Ntt.Add(v, Sampling.SamplePolyCbd(randomness, counter));
        var mu = PolyCoding.ByteDecode(message, 1);
        PolyCoding.Decompress(mu, 1);
        Ntt.Add(v, mu);
        PolyCoding.Compress(v, Dv);
        PolyCoding.ByteEncode(v, Dv, ciphertext.AsSpan(32 * Du * K));
        Array.Clear(mu);
        return ciphertext;
    }

    /// <summary>FIPS 203 Algorithm 15, K-PKE.Decrypt(dk, c): the 32-byte message.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> decryptionKey, ReadOnlySpan<byte> ciphertext)
    {
        var w = Ntt.Zero(); // w = v' − NTT^-1(ŝᵀ ∘ NTT(u'))
        for (var i = 0; i < K; i++)
        {
            var u = PolyCoding.ByteDecode(ciphertext.Slice(32 * Du * i, 32 * Du), Du);
            PolyCoding.Decompress(u, Du);
            Ntt.Forward(u);
            var s = PolyCoding.ByteDecode(decryptionKey.Slice(384 * i, 384), 12);
            Ntt.MultiplyAccumulate(w, s, u);
            Array.Clear(s);
        }
        Ntt.Inverse(w);
        var v = PolyCoding.ByteDecode(ciphertext[(32 * Du * K)..], Dv);
        PolyCoding.Decompress(v, Dv);
        Ntt.Subtract(v, w);
        PolyCoding.Compress(v, 1);
        var message = new byte[MessageSize];
        PolyCoding.ByteEncode(v, 1, message);
        Array.Clear(v);
        Array.Clear(w);
        return message;
    }

    /// <summary>Â[i, j] = SampleNTT(ρ ‖ j ‖ i) for i, j in 0..k−1.</summary>
    private static int[,][] Matrix(ReadOnlySpan<byte> rho)
    {
        var a = new int[K, K][];
        for (var i = 0; i < K; i++)
        {
            for (var j = 0; j < K; j++)
            {
                a[i, j] = Sampling.SampleNtt(rho, i, j);
            }
        }
        return a;
    }
}
