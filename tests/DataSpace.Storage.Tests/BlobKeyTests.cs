using DataSpace.Storage.Tests.Support;

namespace DataSpace.Storage.Tests;

public sealed class BlobKeyTests
{
    [Theory]
    [MemberData(nameof(KeyCases.Valid), MemberType = typeof(KeyCases))]
    public void TryValidate_ValidKey_True(string key)
    {
        Assert.True(BlobKey.TryValidate(key, out var problem), problem);
        BlobKey.Validate(key);
    }

    [Theory]
    [MemberData(nameof(KeyCases.Invalid), MemberType = typeof(KeyCases))]
    public void Validate_InvalidKey_SaysWhichRule(string key, string fragment)
    {
        Assert.False(BlobKey.TryValidate(key, out var problem));
        Assert.Contains(fragment, problem, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => BlobKey.Validate(key));
        Assert.Equal("key", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Validate_Null_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => BlobKey.Validate(null));
        Assert.False(BlobKey.TryValidate(null, out var problem));
        Assert.Contains("missing", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("88.608.8889/")]
    [InlineData("88.608.8889/PRD-")]
    [InlineData("88")]
    public void ValidatePrefix_StartOfAKey_Accepted(string prefix) => BlobKey.ValidatePrefix(prefix);

    [Theory]
    [InlineData("../", "'..' segment")]
    [InlineData("a/../b", "'..' segment")]
    [InlineData("/a", "starts with '/'")]
    [InlineData("a//", "empty segment")]
    [InlineData("a\\", "separated by '/'")]
    [InlineData("a\t", "control character")]
    public void ValidatePrefix_CannotStartAKey_Rejected(string prefix, string fragment)
    {
        var error = Assert.Throws<ArgumentException>(() => BlobKey.ValidatePrefix(prefix));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOrder_IsCodePointOrder()
    {
        string[] keys = ["b/c", "b", "\uFF61", "b-x", "😀", "a", "b-x/y"];
        // UTF-8 byte order is code-point order.
        var expected = keys.OrderBy(key => key, Comparer<string>.Create((x, y) =>
            System.Text.Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y)))).ToArray();

        Assert.Equal(expected, keys.Order(KeyOrder.Instance));
        Assert.Equal(["a", "b", "b-x", "b-x/y", "b/c", "\uFF61", "😀"], expected);
    }
}
