namespace DataSpace.Policy.Tests.Embedded;

public sealed class DecisionClockTests
{
    [Fact]
    public void Now_SystemClock_AgreesWithTheWallClock()
    {
        var clock = new DecisionClock(TimeProvider.System);

        for (var i = 0; i < 3; i++)
        {
            var before = DateTimeOffset.UtcNow;
            var (_, utc) = clock.Now();
            var after = DateTimeOffset.UtcNow;

            // Derived from the monotonic clock: within a few milliseconds of the wall clock around it (the margin is for a loaded machine).
            Assert.InRange(utc, before.AddMilliseconds(-5), after.AddMilliseconds(5));
            Thread.Sleep(600);
        }
    }

    [Fact]
    public void Now_OtherTimeProvider_ReadDirectly()
    {
        var time = new SettableTime(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var clock = new DecisionClock(time);

        Assert.Equal(time.Utc, clock.Now().Utc);
        time.Utc = time.Utc.AddMilliseconds(7);
        Assert.Equal(time.Utc, clock.Now().Utc);
    }

    [Fact]
    public void Evaluate_OtherTimeProvider_DecisionTimestampIsItsTime()
    {
        var time = new SettableTime(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var engine = EmbeddedPolicyEngine.Create(Support.TestBundles.TransferBundle(), new EmbeddedPolicyOptions { TimeProvider = time });

        var decision = engine.Evaluate("dataspace/transfer/decision", null, TestContext.Current.CancellationToken);

        Assert.Equal(time.Utc, decision.Timestamp);
    }

    private sealed class SettableTime(DateTimeOffset utc) : TimeProvider
    {
        public DateTimeOffset Utc { get; set; } = utc;

        public override DateTimeOffset GetUtcNow() => Utc;
    }
}
