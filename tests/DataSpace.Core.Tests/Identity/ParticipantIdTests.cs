using DataSpace.Core.Identity;

namespace DataSpace.Core.Tests.Identity;

public sealed class ParticipantIdTests
{
    [Theory]
    [InlineData("88.608.8889")]
    [InlineData("88.608.ACME-1")]
    [InlineData("20.500.12345")]
    public void TryParse_IdentifierPrefix_Succeeds(string text)
    {
        Assert.True(ParticipantId.TryParse(text, out var id, out _));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("86")]
    [InlineData("88..1")]
    [InlineData("x.608")]
    [InlineData("88.608/PRD")]
    [InlineData("88.608 8889")]
    [InlineData("88.608.8889.")]
    public void TryParse_NotAPrefix_FailsWithReason(string text)
    {
        Assert.False(ParticipantId.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
