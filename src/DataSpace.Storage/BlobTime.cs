namespace DataSpace.Storage;

/// <summary>Publication times, at the millisecond precision every store keeps them in.</summary>
internal static class BlobTime
{
    public static DateTimeOffset Now() => Truncate(DateTimeOffset.UtcNow);

    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
