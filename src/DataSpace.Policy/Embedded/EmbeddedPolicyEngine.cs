using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Policy;

/// <summary>
/// The in-process backend: a bundle compiled once with DataSpace.Rego, one prepared query per
/// decision path, cached. Thread-safe; evaluations run in parallel without locks.
/// </summary>
public sealed class EmbeddedPolicyEngine : IPolicyEngine
{
    /// <summary>The <see cref="PolicyDecision.Backend"/> name of this engine.</summary>
    public const string BackendName = "embedded";

    // Paths as callers write them, each with its normalised text and query, so a decision parses
    // nothing; bounded, since a server may pass any path it is sent.
    private const int PathCacheLimit = 1024;
    private readonly ConcurrentDictionary<string, PreparedPath> _paths = new(StringComparer.Ordinal);

    // The path asked last, by reference: callers pass the same constant for a decision point, and
    // comparing references saves hashing the path on every decision.
    private PreparedPath? _last;
    private readonly ConcurrentDictionary<string, PreparedQuery> _queries = new(StringComparer.Ordinal);
    private readonly DecisionClock _clock;

    // The limits every decision runs under; the clock and cancellation are passed per decision.
    private readonly RegoEvaluationOptions _limits;

    private EmbeddedPolicyEngine(PolicyBundle bundle, RegoEngine engine, EmbeddedPolicyOptions options)
    {
        Bundle = bundle;
        Rego = engine;
        _clock = new DecisionClock(options.TimeProvider);
        _limits = new RegoEvaluationOptions
        {
            Timeout = options.Timeout,
            MaxSteps = options.MaxSteps,
            StrictBuiltinErrors = options.StrictBuiltinErrors,
        };
    }

    /// <summary>The bundle this engine answers from.</summary>
    public PolicyBundle Bundle { get; }

    /// <summary>The compiled Rego, for tools that list rules or run ad-hoc queries (e.g. <c>policy test</c>).</summary>
    public RegoEngine Rego { get; }

    /// <summary>Compiles a bundle.</summary>
    /// <exception cref="PolicyLoadException">The Rego does not parse or compile; every problem is listed.</exception>
    public static EmbeddedPolicyEngine Create(PolicyBundle bundle, EmbeddedPolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var engine = RegoCompilation.Compile(bundle.RegoModules, bundle.Data);
        return new EmbeddedPolicyEngine(bundle, engine, options ?? EmbeddedPolicyOptions.Default);
    }

    /// <inheritdoc />
    public Task<PolicyDecision> EvaluateAsync(string path, JsonNode? input, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(path, input, cancellationToken));

    /// <summary>The synchronous form of <see cref="EvaluateAsync"/>: the embedded engine never waits on I/O.</summary>
    public PolicyDecision Evaluate(string path, JsonNode? input, CancellationToken cancellationToken = default)
    {
        var (_, text, query) = Prepared(path);
        var (clock, started) = _clock.Now();
        PolicyOutcome outcome;
        JsonNode? result = null;
        string? error = null;
        try
        {
            var value = query.EvaluateFirst(input is null ? null : RegoValue.FromJsonNode(input), _limits, started, cancellationToken, clock, ResultVariable);
            outcome = value is null ? PolicyOutcome.Undefined : PolicyOutcome.Defined;
            result = value?.ToJsonNode();
        }
        catch (RegoException e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = PolicyOutcome.Error;
            error = e.Message;
        }
        catch (RegoException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        return new PolicyDecision
        {
            DecisionId = DecisionIds.New(started),
            Path = text,
            Outcome = outcome,
            Result = result,
            Error = error,
            BundleDigest = Bundle.Digest,
            Backend = BackendName,
            Timestamp = started,
            Duration = Stopwatch.GetElapsedTime(clock),
        };
    }

    /// <summary>The normalised path and its prepared query; a path that does not parse throws <see cref="ArgumentException"/>.</summary>
    private PreparedPath Prepared(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_last is { } last && ReferenceEquals(last.Path, path))
        {
            return last;
        }
        if (!_paths.TryGetValue(path, out var prepared))
        {
            var decisionPath = DecisionPath.Parse(path);
            var query = _queries.GetOrAdd(decisionPath.Text, static (_, state) => state.Engine.Prepare(state.Query + " = " + ResultVariable), (Engine: Rego, decisionPath.Query));
            prepared = new PreparedPath(path, decisionPath.Text, query);
            if (_paths.Count < PathCacheLimit)
            {
                _paths.TryAdd(path, prepared);
            }
        }
        _last = prepared;
        return prepared;
    }

    /// <inheritdoc />
    public Task<PolicyEngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(PolicyEngineHealth.Ready);

    /// <summary>A path as a caller wrote it, its normalised text and its query.</summary>
    private sealed record PreparedPath(string Path, string Text, PreparedQuery Query);

    // The query variable that receives the document's value; user rules cannot bind query variables.
    private const string ResultVariable = "dataspace_decision";
}
