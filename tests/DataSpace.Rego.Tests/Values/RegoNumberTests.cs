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
}
