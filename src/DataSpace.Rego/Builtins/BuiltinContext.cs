namespace DataSpace.Rego.Builtins;

/// <summary>Per-evaluation state builtins may read: the clock (fixed for one query, as in OPA) and a scratch cache.</summary>
internal sealed class BuiltinContext(DateTimeOffset now, CancellationToken cancellation)
{
    public DateTimeOffset Now { get; } = now;

    public CancellationToken Cancellation { get; } = cancellation;

    // Created on first use: few builtins (uuid, rand) need it.
    private Dictionary<string, object>? _cache;

    public Dictionary<string, object> Cache => _cache ??= new(StringComparer.Ordinal);
}
