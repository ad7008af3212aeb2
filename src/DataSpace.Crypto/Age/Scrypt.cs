using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// scrypt (RFC 7914), implemented here because NSec's scrypt only accepts 32-byte salts while age
/// salts are 44 bytes (<c>"age-encryption.org/v1/scrypt" || 16 random bytes</c>, age spec,
/// "scrypt recipient stanza"). PBKDF2-HMAC-SHA-256 comes from the platform; ROMix and BlockMix
/// (RFC 7914 sections 4 and 5) run over 32-bit words with the Salsa20/8 core.
/// </summary>
internal static class Scrypt
{
    public static byte[] DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int logN, int r, int p, int length)
    {
        if (logN is < 1 or > 30 || r < 1 || p < 1 || (long)r * p >= 1 << 30)
        {
            throw new ArgumentOutOfRangeException(nameof(logN), "scrypt parameters out of range (RFC 7914 section 2).");
        }
        var blockBytes = 128 * r;
        // Step 1: B = PBKDF2-HMAC-SHA256(P, S, 1, p * 128 * r)
        var b = new byte[p * blockBytes];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, b, 1, HashAlgorithmName.SHA256);

        // Step 2: each of the p blocks goes through ROMix with N = 2^logN.
        var words = blockBytes / 4;
        var x = new uint[words];
        var scratch = new uint[words];
        var v = GC.AllocateUninitializedArray<uint>(checked(words << logN));
        for (var i = 0; i < p; i++)
        {
            var block = b.AsSpan(i * blockBytes, blockBytes);
            for (var w = 0; w < words; w++)
            {
                x[w] = BinaryPrimitives.ReadUInt32LittleEndian(block[(w * 4)..]);
            }
            RoMix(x, v, scratch, 1 << logN, r);
            for (var w = 0; w < words; w++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(block[(w * 4)..], x[w]);
            }
        }
        Array.Clear(v);

        // Step 3: DK = PBKDF2-HMAC-SHA256(P, B, 1, dkLen)
        var key = new byte[length];
        Rfc2898DeriveBytes.Pbkdf2(password, b, key, 1, HashAlgorithmName.SHA256);
        CryptographicOperations.ZeroMemory(b);
        return key;
    }

    /// <summary>RFC 7914 section 5, scryptROMix.</summary>
    private static void RoMix(Span<uint> x, Span<uint> v, Span<uint> scratch, int n, int r)
    {
        var words = x.Length;
        for (var i = 0; i < n; i++)
        {
            x.CopyTo(v.Slice(i * words, words));
            BlockMix(x, scratch, r);
        }
        var xv = MemoryMarshal.Cast<uint, Vector128<uint>>(x);
        for (var i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
            var j = (int)(x[words - 16] & (uint)(n - 1));
            var vj = MemoryMarshal.Cast<uint, Vector128<uint>>(v.Slice(j * words, words));
            for (var w = 0; w < xv.Length; w++)
            {
                xv[w] ^= vj[w];
            }
            BlockMix(x, scratch, r);
        }
    }

    /// <summary>RFC 7914 section 4, scryptBlockMix: B' = Y0, Y2, ..., Y1, Y3, ...</summary>
    private static void BlockMix(Span<uint> b, Span<uint> y, int r)
    {
        // X starts as the last block; each Yi = Salsa(X xor Bi) becomes the next X. Even blocks
        // go to the first half of the output, odd blocks to the second.
        var x = y.Slice(((2 * r) - 1) / 2 * 16 + (r * 16), 16);
        b.Slice(((2 * r) - 1) * 16, 16).CopyTo(x);
        var previous = x;
        for (var i = 0; i < 2 * r; i++)
        {
            var target = y.Slice(((i / 2) + ((i & 1) * r)) * 16, 16);
            if (target != previous)
            {
                previous.CopyTo(target);
            }
            Salsa208.XorCore(target, b.Slice(i * 16, 16));
            previous = target;
        }
        y.CopyTo(b);
    }
}
