namespace DataSpace.Rego.Builtins;

/// <summary>
/// Per-evaluation state builtins may read: the clock (fixed for one query, as in OPA) and a scratch
/// cache. Reset for each evaluation, since evaluators are reused (see <see cref="Evaluation.Evaluator.Rent"/>).
/// </summary>
internal sealed class BuiltinContext
{
    private DateTimeOffset? _now;

    // Created on first use: few builtins (uuid, rand) need it.
    private Dictionary<string, object>? _cache;

    /// <summary>The query's time: the caller's, or the clock read on first use, then the same for the whole query.</summary>
    public DateTimeOffset Now => _now ??= DateTimeOffset.UtcNow;

    public CancellationToken Cancellation { get; private set; }

    public Dictionary<string, object> Cache => _cache ??= new(StringComparer.Ordinal);

    public void Reset(DateTimeOffset? now, CancellationToken cancellation)
    {
        _now = now;
        Cancellation = cancellation;
        _cache = null;
    }
}
