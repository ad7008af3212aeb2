namespace DataSpace.Policy.Tests.Decisions;

public sealed class DecisionPathTests
{
    [Theory]
    [InlineData("dataspace/transfer/decision")]
    [InlineData("/dataspace/transfer/decision")]
    [InlineData("data.dataspace.transfer.decision")]
    [InlineData("dataspace.transfer.decision")]
    public void Parse_EquivalentForms_SamePathAndQuery(string text)
    {
        var path = DecisionPath.Parse(text);

        Assert.Equal("dataspace/transfer/decision", path.Text);
        Assert.Equal("data.dataspace.transfer.decision", path.Query);
    }

    [Fact]
    public void Parse_KeywordsAndOddNames_QuotedInTheQuery()
    {
        Assert.Equal("""data.a["in"]["my-rule"]["1x"]""", DecisionPath.Parse("a/in/my-rule/1x").Query);
    }

    [Theory]
    [InlineData("")]
    [InlineData("data")]
    [InlineData("/")]
    public void Parse_Root_IsTheWholeDataDocument(string text)
    {
        Assert.Equal("data", DecisionPath.Parse(text).Query);
    }

    [Fact]
    public void Parse_EmptySegment_Throws()
    {
        Assert.Throws<ArgumentException>(() => DecisionPath.Parse("a//b"));
    }
}
