namespace DataSpace.Rego.Builtins;

/// <summary>Per-evaluation state builtins may read: the clock (fixed for one query, as in OPA) and a scratch cache.</summary>
internal sealed class BuiltinContext(DateTimeOffset now, CancellationToken cancellation)
{
    public DateTimeOffset Now { get; } = now;

    public CancellationToken Cancellation { get; } = cancellation;

    public Dictionary<string, object> Cache { get; } = new(StringComparer.Ordinal);
}
