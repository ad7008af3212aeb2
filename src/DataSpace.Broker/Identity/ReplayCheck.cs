namespace DataSpace.Broker.Identity;

/// <summary>The outcome of <see cref="AssertionReplayCache.TryRecord"/>.</summary>
internal enum ReplayCheck
{
    /// <summary>First use: recorded.</summary>
    New,

    /// <summary>Already used and still remembered.</summary>
    Replayed,

    /// <summary>The cache is at capacity with live ids.</summary>
    Full,
}
