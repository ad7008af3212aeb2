namespace DataSpace.Policy;

/// <summary>Limits and clock for the embedded engine.</summary>
public sealed record EmbeddedPolicyOptions
{
    /// <summary>Shared defaults.</summary>
    public static EmbeddedPolicyOptions Default { get; } = new();

    /// <summary>Wall-clock limit for one decision; past it the decision is an error (deny).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Maximum evaluation steps for one decision.</summary>
    public long MaxSteps { get; init; } = 10_000_000;

    /// <summary>Treat builtin errors as evaluation errors (OPA's <c>strict-builtin-errors</c>).</summary>
    public bool StrictBuiltinErrors { get; init; }

    /// <summary>The clock for decision timestamps and <c>time.now_ns</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
