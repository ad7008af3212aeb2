using DataSpace.Rego.Ast;
using DataSpace.Rego.Compilation;
using DataSpace.Rego.Evaluation;

namespace DataSpace.Rego;

/// <summary>A query compiled once against an engine, evaluated many times with different inputs. Thread-safe.</summary>
public sealed class PreparedQuery
{
    private readonly CompiledPolicy _policy;
    private readonly Body _body;
    private readonly List<string> _slots;
    private readonly RuleInfoIndex _rules;

    internal PreparedQuery(CompiledPolicy policy, Body body, List<string> slots, RuleInfoIndex rules)
    {
        _policy = policy;
        _body = body;
        _slots = slots;
        _rules = rules;
    }

    /// <summary>The query text as compiled.</summary>
    public required string Text { get; init; }

    /// <summary>Evaluates the query; throws <see cref="RegoException"/> on evaluation errors and exceeded limits.</summary>
    public RegoQueryResult Evaluate(RegoValue? input = null, RegoEvaluationOptions? options = null)
    {
        options ??= RegoEvaluationOptions.Default;
        var limits = new EvalLimits(
            options.MaxSteps,
            options.MaxDepth,
            options.Timeout == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : DateTime.UtcNow + options.Timeout,
            options.CancellationToken,
            options.StrictBuiltinErrors);
        var evaluator = new Evaluator(_policy, input, limits, options.Now ?? DateTimeOffset.UtcNow);
        if (options.Explain)
        {
            evaluator.Fired = [];
        }
        var solutions = new List<IReadOnlyDictionary<string, RegoValue>>();
        var frame = new RegoValue?[_slots.Count];
        evaluator.Run(_body, frame, () =>
        {
            var map = new Dictionary<string, RegoValue>(_slots.Count, StringComparer.Ordinal);
            for (var i = 0; i < _slots.Count; i++)
            {
                var name = _slots[i];
                if (frame[i] is { } v && name != "_" && !name.StartsWith("__", StringComparison.Ordinal) && !name.StartsWith('$'))
                {
                    map[name] = v;
                }
            }
            solutions.Add(map);
            return true;
        });
        var fired = evaluator.Fired is null ? [] : _rules.Describe(evaluator.Fired);
        return new RegoQueryResult(solutions, fired);
    }
}
