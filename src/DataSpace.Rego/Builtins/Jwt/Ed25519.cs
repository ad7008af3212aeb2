using System.Numerics;
using System.Security.Cryptography;

namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>
/// Ed25519 (RFC 8032 §5.1) for JWS <c>EdDSA</c>, because .NET has no built-in implementation and
/// this project takes no native crypto dependency. Points use extended coordinates (§5.1.4).
/// Verification compares encodings, as Go's <c>crypto/ed25519</c> does. The arithmetic is
/// <see cref="BigInteger"/> and therefore not constant-time: fine for verification (all inputs
/// are public); signing keys handed to a policy are assumed not to face a timing adversary.
/// </summary>
internal static class Ed25519
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);
    private static readonly Point Base = BasePoint();

    private readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T);

    public static bool Verify(byte[] publicKey, byte[] message, byte[] signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64 || Decode(publicKey) is not { } a)
        {
            return false;
        }
        var s = Scalar(signature.AsSpan(32));
        if (s >= L)
        {
            return false;
        }
        var k = Mod(Scalar(SHA512.HashData([.. signature.AsSpan(0, 32), .. publicKey, .. message])), L);
        var r = Add(Multiply(Base, s), Negate(Multiply(a, k)));
        return Encode(r).AsSpan().SequenceEqual(signature.AsSpan(0, 32));
    }

    public static byte[] Sign(byte[] seed, byte[] message)
    {
        var h = SHA512.HashData(seed);
        h[0] &= 248;
        h[31] &= 127;
        h[31] |= 64;
        var a = Scalar(h.AsSpan(0, 32));
        var publicKey = Encode(Multiply(Base, a));
        var r = Mod(Scalar(SHA512.HashData([.. h.AsSpan(32, 32), .. message])), L);
        var rEncoded = Encode(Multiply(Base, r));
        var k = Mod(Scalar(SHA512.HashData([.. rEncoded, .. publicKey, .. message])), L);
        var s = Mod(r + (k * a), L);
        return [.. rEncoded, .. Bytes(s)];
    }

    private static Point Add(Point p, Point q)
    {
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(2 * D * p.T * q.T);
        var d = Mod(2 * p.Z * q.Z);
        var (e, f, g, h) = (b - a, d - c, d + c, b + a);
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static Point Negate(Point p) => new(Mod(-p.X), p.Y, p.Z, Mod(-p.T));

    private static Point Multiply(Point p, BigInteger k)
    {
        var result = new Point(0, 1, 1, 0);
        while (k > 0)
        {
            if (!k.IsEven)
            {
                result = Add(result, p);
            }
            p = Add(p, p);
            k >>= 1;
        }
        return result;
    }

    private static byte[] Encode(Point p)
    {
        var zi = Inverse(p.Z);
        var x = Mod(p.X * zi);
        var bytes = Bytes(Mod(p.Y * zi));
        bytes[31] |= (byte)(x.IsEven ? 0 : 0x80);
        return bytes;
    }

    private static Point? Decode(byte[] s)
    {
        var sign = s[31] >> 7;
        var y = Scalar(s) & ((BigInteger.One << 255) - 1);
        if (y >= P || RecoverX(y, sign) is not { } x)
        {
            return null;
        }
        return new Point(x, y, 1, Mod(x * y));
    }

    // RFC 8032 §5.1.3 step 2-4: x² = (y² − 1) / (d·y² + 1).
    private static BigInteger? RecoverX(BigInteger y, int sign)
    {
        var x2 = Mod((y * y - 1) * Inverse(D * y * y + 1));
        if (x2.IsZero)
        {
            return sign == 0 ? BigInteger.Zero : null;
        }
        var x = BigInteger.ModPow(x2, (P + 3) / 8, P);
        if (Mod(x * x - x2) != 0)
        {
            x = Mod(x * SqrtMinusOne);
        }
        if (Mod(x * x - x2) != 0)
        {
            return null;
        }
        return (x.IsEven ? 0 : 1) == sign ? x : P - x;
    }

    private static Point BasePoint()
    {
        var y = Mod(4 * Inverse(5));
        var x = RecoverX(y, 0)!.Value;
        return new Point(x, y, 1, Mod(x * y));
    }

    private static BigInteger Scalar(ReadOnlySpan<byte> littleEndian) => new(littleEndian, isUnsigned: true, isBigEndian: false);

    private static byte[] Bytes(BigInteger v)
    {
        var bytes = new byte[32];
        v.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }

    private static BigInteger Mod(BigInteger v) => Mod(v, P);

    private static BigInteger Mod(BigInteger v, BigInteger m)
    {
        var r = BigInteger.Remainder(v, m);
        return r.Sign < 0 ? r + m : r;
    }

    private static BigInteger Inverse(BigInteger v) => BigInteger.ModPow(Mod(v), P - 2, P);
}
