namespace DataSpace.Rego.Tests.Values;

public sealed class RegoNumberTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("100", "1e2")]
    [InlineData("0.5", "5e-1")]
    public void Parse_EquivalentTexts_AreEqual(string a, string b) =>
        Assert.Equal(RegoNumber.Parse(a), RegoNumber.Parse(b));

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
