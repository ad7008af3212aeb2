namespace DataSpace.Broker.Tests.Identity;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not a dependency).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public static DateTimeOffset Start { get; } = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public ManualClock()
        : this(Start)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
