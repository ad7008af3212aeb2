namespace DataSpace.Rego.Tests.Values;

public sealed class RegoNumberTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("100", "1e2")]
    [InlineData("0.5", "5e-1")]
    public void Parse_EquivalentTexts_AreEqual(string a, string b) =>
        Assert.Equal(RegoNumber.Parse(a), RegoNumber.Parse(b));

    [Theory]
    [InlineData("1764300000000000000", "17643e14", "17643", 14)]
    [InlineData("-9223372036854775808", "-9223372036854775808", "-9223372036854775808", 0)]
    [InlineData("120000000000000000000000", "12e22", "12", 22)]
    [InlineData("123456789123456789123000", "123456789123456789123e3", "123456789123456789123", 3)]
    [InlineData("250", "2.5e2", "25", 1)]
    public void Parse_LargeIntegers_NormalisedAlike(string plain, string scientific, string mantissa, int exponent)
    {
        // Nanosecond times fit 64 bits and are normalised in machine arithmetic; larger ones in big integers: the same numbers.
        var a = RegoNumber.Parse(plain)!;
        Assert.Equal(a, RegoNumber.Parse(scientific));
        Assert.Equal(exponent, a.Exponent);
        Assert.Equal(mantissa, a.Mantissa.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(plain, a.ToString());
    }

    [Fact]
    public void Of_Long_SameAsParsed() =>
        Assert.Equal(RegoNumber.Parse("1764300000123000000"), RegoNumber.Of(1764300000123000000L));

    [Fact]
    public void Add_BigIntegersAndDecimals_StaysExact()
    {
        var big = RegoNumber.Parse("123456789123456789123")!;
        Assert.Equal("123456789123456789124", RegoNumber.Add(big, RegoNumber.One).ToString());
        Assert.Equal("0.3", RegoNumber.Add(RegoNumber.Parse("0.1")!, RegoNumber.Parse("0.2")!).ToString());
    }

    [Fact]
    public void Divide_NonTerminating_RoundsToDoublePrecision() =>
        Assert.Equal("0.3333333333333333", RegoNumber.Divide(RegoNumber.One, RegoNumber.Of(3)).ToString());

    [Fact]
    public void Round_HalfAwayFromZero() =>
        Assert.Equal(RegoNumber.Of(-3), RegoNumber.Parse("-2.5")!.Round());

    [Fact]
    public void CompareTo_OrdersAcrossKinds()
    {
        RegoValue[] ordered = [RegoNull.Instance, RegoBoolean.False, RegoNumber.One, new RegoString("a"), RegoArray.Empty, RegoObject.Empty, RegoSet.Empty];
        var shuffled = ordered.Reverse().ToArray();
        Array.Sort(shuffled);
        Assert.Equal(ordered, shuffled);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(-10)]
    public void Of_CachedInteger_EqualsComputedValue(long n)
    {
        var computed = RegoNumber.Add(RegoNumber.Of(n - 1), RegoNumber.One);
        Assert.Equal(RegoNumber.Of(n), computed);
        Assert.Equal(RegoNumber.Of(n).GetHashCode(), computed.GetHashCode());
        Assert.Equal(RegoNumber.Of(n), RegoNumber.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".0"));
    }
    [Fact]
    public void CompareTo_RandomNumbers_AgreesWithExactBigIntegerScaling()
    {
        // Numbers near each other in magnitude take a 128-bit path, others the big-integer one: both
        // must order like the exact values, scaled here independently to a common exponent.
        var random = new Random(20261128);
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (RandomNumber(random), RandomNumber(random));
            var exponent = Math.Min(a.Exponent, b.Exponent);
            var expected = Math.Sign((a.Mantissa * System.Numerics.BigInteger.Pow(10, a.Exponent - exponent))
                .CompareTo(b.Mantissa * System.Numerics.BigInteger.Pow(10, b.Exponent - exponent)));
            Assert.True(expected == Math.Sign(a.CompareTo(b)), $"{a} against {b}: expected {expected}");
            Assert.True(-expected == Math.Sign(b.CompareTo(a)), $"{b} against {a}: expected {-expected}");
        }
    }

    [Theory]
    [InlineData("9223372036854775807", "9223372036854775806e0", 1)]
    [InlineData("-9223372036854775808", "-9223372036854775807", -1)]
    [InlineData("9223372036854775807e18", "9223372036854775807", 1)]
    [InlineData("-9223372036854775808e-18", "-9223372036854775808e-17", 1)]
    [InlineData("1764300000000000000", "1764300000000000001", -1)]
    [InlineData("17643e14", "1.7643e18", 0)]
    [InlineData("123456789123456789123e3", "123456789123456789124", 1)]
    public void CompareTo_AtTheEdgesOf64Bits_OrdersExactly(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Sign(RegoNumber.Parse(a)!.CompareTo(RegoNumber.Parse(b)!)));

    private static RegoNumber RandomNumber(Random random)
    {
        var sign = random.Next(2) == 0 ? -1 : 1;
        var digits = random.Next(1, 26);
        var text = string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
        // Exponents cluster near each other (the 128-bit path) but sometimes lie far apart.
        var exponent = random.Next(4) == 0 ? random.Next(-60, 60) : random.Next(-20, 20);
        return RegoNumber.Parse($"{(sign < 0 ? "-" : "")}{text}e{exponent}")!;
    }
}
