using System.Collections.Concurrent;
using DataSpace.Rego;

namespace DataSpace.Policy.Server;

/// <summary>
/// One compiled state of the server's policies and data. Immutable: a write compiles a new snapshot
/// and swaps it in, so evaluations never see a half-applied change.
/// </summary>
internal sealed class PolicySnapshot(RegoEngine engine)
{
    private readonly ConcurrentDictionary<string, PreparedQuery> _documents = new(StringComparer.Ordinal);

    public RegoEngine Engine { get; } = engine;

    /// <summary>The document at a path, or null when undefined.</summary>
    /// <exception cref="RegoException">An evaluation error.</exception>
    public RegoValue? Read(DecisionPath path, RegoValue? input, RegoEvaluationOptions options)
    {
        var query = _documents.GetOrAdd(path.Text, static (_, state) => state.Engine.Prepare(state.Query + " = " + Variable), (Engine, path.Query));
        var solutions = query.Evaluate(input, options).Solutions;
        return solutions.Count == 0 ? null : solutions[0][Variable];
    }

    private const string Variable = "opa_data_result";
}
