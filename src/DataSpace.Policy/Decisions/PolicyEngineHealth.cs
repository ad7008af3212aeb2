namespace DataSpace.Policy;

/// <summary>The answer to a health check: ready, or not with the reason why.</summary>
/// <param name="IsReady">True when the engine can evaluate decisions.</param>
/// <param name="Reason">Why it cannot, or null when ready.</param>
public sealed record PolicyEngineHealth(bool IsReady, string? Reason)
{
    /// <summary>A ready engine.</summary>
    public static PolicyEngineHealth Ready { get; } = new(true, null);

    /// <summary>An engine that cannot answer, and why.</summary>
    public static PolicyEngineHealth Unavailable(string reason) => new(false, reason);
}
