using System.Diagnostics;
using DataSpace.Rego.Ast;
using DataSpace.Rego.Compilation;
using DataSpace.Rego.Evaluation;

namespace DataSpace.Rego;

/// <summary>A query compiled once against an engine, evaluated many times with different inputs. Thread-safe.</summary>
public sealed class PreparedQuery
{
    private readonly CompiledPolicy _policy;
    private readonly Body _body;
    private readonly int _frameSize;
    private readonly List<string> _slots;
    private readonly QueryOutput _output;
    private readonly RuleInfoIndex _rules;

    internal PreparedQuery(CompiledPolicy policy, Body body, List<string> slots, RuleInfoIndex rules)
    {
        _policy = policy;
        _body = body;
        _frameSize = slots.Count;
        _slots = slots;
        _output = new QueryOutput(slots);
        _rules = rules;
    }

    /// <summary>The query text as compiled.</summary>
    public required string Text { get; init; }

    /// <summary>Evaluates the query; throws <see cref="RegoException"/> on evaluation errors and exceeded limits.</summary>
    public RegoQueryResult Evaluate(RegoValue? input = null, RegoEvaluationOptions? options = null)
    {
        options ??= RegoEvaluationOptions.Default;
        return Evaluate(input, options, options.Now, options.CancellationToken, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// Evaluates with the limits of <paramref name="options"/> but the clock and cancellation given
    /// apart: a caller that evaluates many times keeps one options object and passes the time it
    /// has already read (the timeout counts from <paramref name="startTimestamp"/>, a <see cref="Stopwatch"/> reading).
    /// </summary>
    internal RegoQueryResult Evaluate(RegoValue? input, RegoEvaluationOptions options, DateTimeOffset? now, CancellationToken cancellation, long startTimestamp) =>
        Run(input, options, now, cancellation, startTimestamp, this, static (evaluator, query) =>
        {
            var solutions = evaluator.RunQuery(query._body, query._frameSize, query._output);
            var fired = evaluator.Fired is null ? [] : query._rules.Describe(evaluator.Fired);
            return new RegoQueryResult(solutions, fired);
        });

    /// <summary>
    /// The value of <paramref name="variable"/> in the first solution, or null when the query is
    /// undefined: what a decision needs, without building every solution's bindings. Evaluates as
    /// <see cref="Evaluate(RegoValue?, RegoEvaluationOptions, DateTimeOffset?, CancellationToken, long)"/> does.
    /// </summary>
    internal RegoValue? EvaluateFirst(RegoValue? input, RegoEvaluationOptions options, DateTimeOffset? now, CancellationToken cancellation, long startTimestamp, string variable)
    {
        var slot = _slots.IndexOf(variable);
        if (slot < 0)
        {
            throw new ArgumentException($"the query has no variable {variable}.", nameof(variable));
        }
        return Run(input, options, now, cancellation, startTimestamp, (Query: this, Slot: slot), static (evaluator, state) =>
            evaluator.RunQueryFirst(state.Query._body, state.Query._frameSize, state.Slot));
    }

    private T Run<TState, T>(RegoValue? input, RegoEvaluationOptions options, DateTimeOffset? now, CancellationToken cancellation, long startTimestamp,
        TState state, Func<Evaluator, TState, T> run)
    {
        var limits = new EvalLimits(options.MaxSteps, options.MaxDepth, Deadline(startTimestamp, options.Timeout), cancellation, options.StrictBuiltinErrors);
        var evaluator = Evaluator.Rent(_policy, input, limits, now);
        try
        {
            if (options.Explain)
            {
                evaluator.Fired = [];
            }
            return run(evaluator, state);
        }
        finally
        {
            evaluator.Return();
        }
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp past which the evaluation stops; saturates for long timeouts.</summary>
    private static long Deadline(long start, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }
        var ticks = Math.Max(0, timeout.TotalSeconds) * Stopwatch.Frequency;
        return ticks >= long.MaxValue - start ? long.MaxValue : start + (long)ticks;
    }
}
