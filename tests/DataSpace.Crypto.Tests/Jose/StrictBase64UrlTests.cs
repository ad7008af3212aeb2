using DataSpace.Crypto.Jose;

namespace DataSpace.Crypto.Tests.Jose;

public sealed class StrictBase64UrlTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Zg", "66")]
    [InlineData("Zm8", "666f")]
    [InlineData("Zm9v", "666f6f")]
    [InlineData("-_8", "fbff")]
    public void TryDecode_Canonical_Decodes(string text, string hex)
    {
        Assert.True(StrictBase64Url.TryDecode(text, out var bytes));
        Assert.Equal(Convert.FromHexString(hex), bytes);
        Assert.Equal(text, StrictBase64Url.Encode(bytes));
    }

    [Theory]
    [InlineData("Zg==")]   // padding
    [InlineData("Zh")]     // unused bits set
    [InlineData("Zm9")]    // unused bits set
    [InlineData("Z")]      // impossible length
    [InlineData("+/8")]    // standard alphabet
    [InlineData("Zm 9v")]  // whitespace
    [InlineData("Zm9v\n")]
    [InlineData("Zm9vé")]
    public void TryDecode_NonCanonical_IsRefused(string text)
    {
        Assert.False(StrictBase64Url.TryDecode(text, out var bytes));
        Assert.Empty(bytes);
    }
}
