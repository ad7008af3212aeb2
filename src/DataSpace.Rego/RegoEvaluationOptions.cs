namespace DataSpace.Rego;

/// <summary>Options for one evaluation. The defaults bound every evaluation so no policy can hang a service.</summary>
public sealed record RegoEvaluationOptions
{
    /// <summary>Shared defaults.</summary>
    public static readonly RegoEvaluationOptions Default = new();

    /// <summary>Raise builtin errors (OPA's <c>strict-builtin-errors</c>) instead of treating the call as undefined.</summary>
    public bool StrictBuiltinErrors { get; init; }

    /// <summary>Maximum evaluation steps (expressions evaluated).</summary>
    public long MaxSteps { get; init; } = 10_000_000;

    /// <summary>Maximum nesting of rule and function evaluations.</summary>
    public int MaxDepth { get; init; } = 1_000;

    /// <summary>Wall-clock limit.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Cancels the evaluation (<c>eval_cancel_error</c>).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The time <c>time.now_ns</c> reports; the current time when null.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Record which rules produced values (see <see cref="RegoQueryResult.FiredRules"/>).</summary>
    public bool Explain { get; init; }
}
