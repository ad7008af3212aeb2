namespace DataSpace.Connector.Tests.Usage;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not a dependency). Timers still run on real time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset time) => Interlocked.Exchange(ref _ticks, time.UtcTicks);
}
