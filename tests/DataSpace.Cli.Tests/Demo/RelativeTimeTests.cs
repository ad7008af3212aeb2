using System.Text.Json.Nodes;
using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Tests.Demo;

/// <summary>Relative times in the samples (<c>now+30d</c>) become the timestamps signed documents carry.</summary>
public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 30, 15, TimeSpan.Zero);

    [Theory]
    [InlineData("now", "2026-11-27T10:30:15Z")]
    [InlineData("now+8s", "2026-11-27T10:30:23Z")]
    [InlineData("now-1h", "2026-11-27T09:30:15Z")]
    [InlineData("now+30d", "2026-12-27T10:30:15Z")]
    [InlineData("now+90m", "2026-11-27T12:00:15Z")]
    public void ResolveAll_RelativeTime_IsTheTimestampItNames(string relative, string expected)
    {
        var resolved = RelativeTime.ResolveAll(new JsonObject { ["terms"] = new JsonObject { ["validUntil"] = relative } }, Now);

        Assert.Equal(expected, resolved!["terms"]!["validUntil"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2027-01-01T00:00:00Z")]
    [InlineData("quality-analysis")]
    [InlineData("nowhere")]
    public void ResolveAll_OtherText_IsUnchanged(string text)
    {
        var resolved = RelativeTime.ResolveAll(new JsonArray(text, 5, true), Now)!.AsArray();

        Assert.Equal(text, resolved[0]!.GetValue<string>());
        Assert.Equal(5, resolved[1]!.GetValue<int>());
    }

    [Theory]
    [InlineData("now+1w")]
    [InlineData("now + 1d")]
    [InlineData("tomorrow")]
    [InlineData("2027-01-01")]
    public void IsTime_NotARelativeOrAbsoluteTime_IsFalse(string text) => Assert.False(RelativeTime.IsTime(text));

    [Fact]
    public void TryParseDuration_Seconds_IsTheDuration()
    {
        Assert.True(RelativeTime.TryParseDuration("40s", out var duration));
        Assert.Equal(TimeSpan.FromSeconds(40), duration);
        Assert.False(RelativeTime.TryParseDuration("forty", out _));
    }
}
