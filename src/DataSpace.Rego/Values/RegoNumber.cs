using System.Globalization;
using System.Numerics;

namespace DataSpace.Rego;

/// <summary>
/// An exact Rego number: <c>Mantissa × 10^Exponent</c>, normalised so that equal numbers have
/// one representation (<c>1</c>, <c>1.0</c> and <c>10e-1</c> are the same value, as in OPA).
/// Sums, differences and products are exact; quotients are exact when they terminate and
/// otherwise rounded to double precision, as OPA's big.Float arithmetic does.
/// </summary>
public sealed class RegoNumber : RegoValue
{
    // Cached small integers, normalised like every other number (10 is 1e1), so that a cached
    // value and a computed one compare equal.
    private static readonly RegoNumber[] Small = Enumerable.Range(-16, 273).Select(Normalised).ToArray();

    private RegoNumber(BigInteger mantissa, int exponent)
        : base(2)
    {
        Mantissa = mantissa;
        Exponent = exponent;
    }

    /// <summary>The digits, with no trailing zeros.</summary>
    public BigInteger Mantissa { get; }

    /// <summary>The power of ten the mantissa is scaled by.</summary>
    public int Exponent { get; }

    /// <summary>Zero.</summary>
    public static RegoNumber Zero => Small[16];

    /// <summary>One.</summary>
    public static RegoNumber One => Small[17];

    public override string TypeName => "number";

    /// <summary>True when the value has no fractional part.</summary>
    public bool IsInteger => Exponent >= 0;

    /// <summary>Creates a number from a 64-bit integer.</summary>
    public static RegoNumber Of(long value) => value is >= -16 and <= 256 ? Small[value + 16] : Create(value, 0);

    /// <summary>Creates a number from an arbitrary integer.</summary>
    public static RegoNumber Of(BigInteger value) => value >= -16 && value <= 256 ? Small[(int)value + 16] : Create(value, 0);

    /// <summary>Creates a number from a double, using its shortest round-trip decimal form.</summary>
    public static RegoNumber? Of(double value) =>
        double.IsFinite(value) ? Parse(value.ToString("R", CultureInfo.InvariantCulture)) : null;

    /// <summary>Creates a normalised number.</summary>
    internal static RegoNumber Create(BigInteger mantissa, int exponent)
    {
        if (TryGetLong(mantissa, out var small))
        {
            return Create(small, exponent);
        }
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        return TryGetLong(mantissa, out small) ? Create(small, exponent) : new RegoNumber(mantissa, exponent);
    }

    /// <summary>
    /// The same for a mantissa that fits 64 bits, in machine arithmetic: policies compare times in
    /// nanoseconds (19 digits, mostly trailing zeros), which big-integer division made costly.
    /// </summary>
    private static RegoNumber Create(long mantissa, int exponent)
    {
        if (mantissa == 0)
        {
            return Small[16];
        }
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        if (exponent is >= 0 and <= 2 && mantissa is >= -16 and <= 256)
        {
            var value = mantissa * (exponent == 0 ? 1 : exponent == 1 ? 10 : 100);
            if (value is >= -16 and <= 256)
            {
                return Small[value + 16];
            }
        }
        return new RegoNumber(mantissa, exponent);
    }

    private static RegoNumber Normalised(int value)
    {
        var exponent = 0;
        while (value != 0 && value % 10 == 0)
        {
            value /= 10;
            exponent++;
        }
        return new RegoNumber(value, exponent);
    }

    /// <summary>Parses JSON/Rego number text exactly; null when the text is not a number.</summary>
    public static RegoNumber? Parse(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.IsEmpty)
        {
            return null;
        }
        var exp = 0;
        var e = s.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exp))
            {
                return null;
            }
            s = s[..e];
        }
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var dot = s.IndexOf('.');
        string digits;
        if (dot >= 0)
        {
            digits = string.Concat(s[..dot], s[(dot + 1)..]);
            exp -= s.Length - dot - 1;
        }
        else
        {
            digits = s.ToString();
        }
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        var m = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        return Create(negative ? -m : m, exp);
    }

    /// <summary>The value as an integer, when it is one.</summary>
    public bool TryGetInteger(out BigInteger value)
    {
        if (Exponent < 0)
        {
            value = default;
            return false;
        }
        if (Exponent > 100_000)
        {
            value = default;
            return false;
        }
        value = Exponent == 0 ? Mantissa : Mantissa * BigInteger.Pow(10, Exponent);
        return true;
    }

    /// <summary>The value as a 32-bit integer, when it is one in range.</summary>
    public bool TryGetInt32(out int value)
    {
        if (TryGetInteger(out var b) && b >= int.MinValue && b <= int.MaxValue)
        {
            value = (int)b;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>The value as a 64-bit integer, when it is one in range.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        return TryGetInteger(out var b) && TryGetLong(b, out value);
    }

    /// <summary>The nearest double.</summary>
    public double ToDouble() => double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    internal static RegoNumber Add(RegoNumber a, RegoNumber b)
    {
        var e = Math.Min(a.Exponent, b.Exponent);
        return Create(Scale(a, e) + Scale(b, e), e);
    }

    internal static RegoNumber Subtract(RegoNumber a, RegoNumber b) => Add(a, Negate(b));

    internal static RegoNumber Negate(RegoNumber a) => Create(-a.Mantissa, a.Exponent);

    internal static RegoNumber Multiply(RegoNumber a, RegoNumber b) => Create(a.Mantissa * b.Mantissa, a.Exponent + b.Exponent);

    /// <summary>Divides; the caller rejects a zero divisor.</summary>
    internal static RegoNumber Divide(RegoNumber a, RegoNumber b)
    {
        // Exact when the quotient terminates within a bounded number of digits.
        const int Digits = 40;
        var num = a.Mantissa * BigInteger.Pow(10, Digits);
        var q = BigInteger.DivRem(num, b.Mantissa, out var rem);
        if (rem.IsZero)
        {
            return Create(q, a.Exponent - b.Exponent - Digits);
        }
        return Of(a.ToDouble() / b.ToDouble()) ?? Zero;
    }

    private static BigInteger Scale(RegoNumber n, int toExponent) =>
        n.Exponent == toExponent ? n.Mantissa : n.Mantissa * BigInteger.Pow(10, n.Exponent - toExponent);

    /// <summary>Largest integer not above the value.</summary>
    internal RegoNumber Floor()
    {
        if (IsInteger)
        {
            return this;
        }
        var div = BigInteger.Pow(10, -Exponent);
        var q = BigInteger.DivRem(Mantissa, div, out var r);
        if (r.Sign < 0)
        {
            q -= 1;
        }
        return Of(q);
    }

    /// <summary>Smallest integer not below the value.</summary>
    internal RegoNumber Ceiling() => IsInteger ? this : Negate(Negate(this).Floor());

    /// <summary>Rounds half away from zero, like Go's math.Round.</summary>
    internal RegoNumber Round()
    {
        if (IsInteger)
        {
            return this;
        }
        var half = Create(5, -1);
        return Mantissa.Sign >= 0 ? Add(this, half).Floor() : Negate(Add(Negate(this), half).Floor());
    }

    internal int Sign => Mantissa.Sign;

    internal override int CompareSameKind(RegoValue other)
    {
        var b = (RegoNumber)other;
        if (Mantissa.Sign != b.Mantissa.Sign)
        {
            return Mantissa.Sign.CompareTo(b.Mantissa.Sign);
        }
        if (Exponent == b.Exponent)
        {
            return Mantissa.CompareTo(b.Mantissa);
        }
        // Times in nanoseconds compared with one another are 64-bit mantissas a few powers of ten
        // apart: scaled to the smaller exponent in 128 bits, which cannot overflow (|m| < 2^63, 10^18 < 2^60).
        if (Math.Abs((long)Exponent - b.Exponent) <= MaxInt128Shift && TryGetLong(Mantissa, out var x) && TryGetLong(b.Mantissa, out var y))
        {
            var common = Math.Min(Exponent, b.Exponent);
            return (x * PowersOfTen[Exponent - common]).CompareTo(y * PowersOfTen[b.Exponent - common]);
        }
        // Compare orders of magnitude first so huge exponents never expand.
        var ma = Magnitude(this);
        var mb = Magnitude(b);
        if (ma != mb)
        {
            return Mantissa.Sign * ma.CompareTo(mb);
        }
        var e = Math.Min(Exponent, b.Exponent);
        return Scale(this, e).CompareTo(Scale(b, e));
    }

    private static long Magnitude(RegoNumber n) => DigitCount(BigInteger.Abs(n.Mantissa)) + (long)n.Exponent;

    private static long DigitCount(BigInteger magnitude)
    {
        if (magnitude.GetBitLength() > 64)
        {
            return magnitude.ToString(CultureInfo.InvariantCulture).Length;
        }
        var value = (ulong)magnitude;
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }
        return digits;
    }

    private const int MaxInt128Shift = 18;

    private static readonly Int128[] PowersOfTen = PowersOfTenUpTo(MaxInt128Shift);

    private static Int128[] PowersOfTenUpTo(int last)
    {
        var powers = new Int128[last + 1];
        powers[0] = 1;
        for (var i = 1; i <= last; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }

    private static bool TryGetLong(BigInteger value, out long result)
    {
        // Values of 63 bits or fewer besides the sign are exactly the 64-bit integers.
        if (value.GetBitLength() <= 63)
        {
            result = (long)value;
            return true;
        }
        result = 0;
        return false;
    }

    public override bool Equals(RegoValue? other) => other is RegoNumber n && n.Exponent == Exponent && n.Mantissa == Mantissa;

    public override int GetHashCode() => HashCode.Combine(Mantissa, Exponent);

    internal override void WriteRego(System.Text.StringBuilder sb) => sb.Append(ToString());

    /// <summary>Decimal text without an exponent for ordinary magnitudes, as OPA prints numbers.</summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var sign = Mantissa.Sign < 0 ? "-" : string.Empty;
        if (Exponent >= 0)
        {
            if (Exponent > 300)
            {
                return sign + Scientific(digits, Exponent);
            }
            return sign + digits + new string('0', Exponent);
        }
        var point = digits.Length + Exponent;
        if (point > 0)
        {
            return sign + digits[..point] + "." + digits[point..];
        }
        if (point < -300)
        {
            return sign + Scientific(digits, Exponent);
        }
        return sign + "0." + new string('0', -point) + digits;
    }

    private static string Scientific(string digits, int exponent)
    {
        var e = exponent + digits.Length - 1;
        var m = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return m + "e" + e.ToString(CultureInfo.InvariantCulture);
    }
}
