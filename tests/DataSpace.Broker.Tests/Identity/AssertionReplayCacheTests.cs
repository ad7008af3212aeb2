using DataSpace.Broker.Identity;

namespace DataSpace.Broker.Tests.Identity;

public sealed class AssertionReplayCacheTests
{
    private static readonly DateTimeOffset Now = ManualClock.Start;

    [Fact]
    public void TryRecord_SameIssuerAndId_IsReplayedUntilItExpires()
    {
        var cache = new AssertionReplayCache(10);

        Assert.Equal(ReplayCheck.New, cache.TryRecord("a", "1", Now.AddSeconds(90), Now));
        Assert.Equal(ReplayCheck.Replayed, cache.TryRecord("a", "1", Now.AddSeconds(90), Now.AddSeconds(89)));
        Assert.Equal(ReplayCheck.New, cache.TryRecord("b", "1", Now.AddSeconds(90), Now));
        Assert.Equal(ReplayCheck.New, cache.TryRecord("a", "1", Now.AddSeconds(200), Now.AddSeconds(90)));
    }

    [Fact]
    public void TryRecord_AtCapacity_RefusesUntilEntriesExpire()
    {
        var cache = new AssertionReplayCache(2);
        cache.TryRecord("a", "1", Now.AddSeconds(10), Now);
        cache.TryRecord("a", "2", Now.AddSeconds(20), Now);

        Assert.Equal(ReplayCheck.Full, cache.TryRecord("a", "3", Now.AddSeconds(30), Now));
        Assert.Equal(ReplayCheck.New, cache.TryRecord("a", "3", Now.AddSeconds(30), Now.AddSeconds(10)));
        Assert.Equal(ReplayCheck.Replayed, cache.TryRecord("a", "2", Now.AddSeconds(30), Now.AddSeconds(10)));
    }
}
