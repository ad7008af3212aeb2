using System.Diagnostics;

namespace DataSpace.Policy;

/// <summary>
/// The two readings a decision starts with: a <see cref="Stopwatch"/> timestamp (for the time limit
/// and the duration) and the wall-clock time (the decision's timestamp and <c>time.now_ns</c>).
/// </summary>
/// <remarks>
/// On virtual machines both clocks go through the hypervisor's clock source and each reading costs
/// about as much as a tenth of a small decision. With the system clock, the wall-clock time is
/// therefore placed from the monotonic reading, relative to a wall-clock reading taken at most a
/// second earlier: within that second the two clocks agree to microseconds, and an adjustment of
/// the system clock is seen within a second. Any other <see cref="TimeProvider"/> (a test's fake
/// clock) is read directly, so its time is exactly what it says.
/// </remarks>
internal sealed class DecisionClock(TimeProvider time)
{
    private static readonly long Reanchor = Stopwatch.Frequency;

    // The wall-clock reading of an anchor is taken between two monotonic ones; a thread preempted
    // between them would misplace every decision of the next second, so a wide pair is read again.
    private static readonly long TightPair = Stopwatch.Frequency / 20_000;
    private const int PairAttempts = 3;

    private readonly bool _derive = ReferenceEquals(time, TimeProvider.System);
    private Anchor? _anchor;

    /// <summary>Reads both clocks.</summary>
    public (long Timestamp, DateTimeOffset Utc) Now()
    {
        var timestamp = Stopwatch.GetTimestamp();
        if (!_derive)
        {
            return (timestamp, time.GetUtcNow());
        }
        var anchor = Volatile.Read(ref _anchor);
        if (anchor is null || timestamp < anchor.Timestamp || timestamp - anchor.Timestamp > Reanchor)
        {
            anchor = TakeAnchor();
            Volatile.Write(ref _anchor, anchor);
        }
        return (timestamp, anchor.Utc + Stopwatch.GetElapsedTime(anchor.Timestamp, timestamp));
    }

    private Anchor TakeAnchor()
    {
        Anchor best = null!;
        var bestWidth = long.MaxValue;
        for (var attempt = 0; attempt < PairAttempts && bestWidth > TightPair; attempt++)
        {
            var before = Stopwatch.GetTimestamp();
            var utc = time.GetUtcNow();
            var after = Stopwatch.GetTimestamp();
            if (after - before < bestWidth)
            {
                (best, bestWidth) = (new Anchor(before + (after - before) / 2, utc), after - before);
            }
        }
        return best;
    }

    // One object, so that threads read a consistent pair without a lock.
    private sealed record Anchor(long Timestamp, DateTimeOffset Utc);
}
