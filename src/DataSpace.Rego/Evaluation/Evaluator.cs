using System.Diagnostics;
using System.Runtime.CompilerServices;
using DataSpace.Rego.Ast;
using DataSpace.Rego.Builtins;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Top-down evaluator with backtracking, in continuation-passing style: each construct calls its
/// continuation once per solution, with variable bindings written into the rule's frame and
/// undone afterwards. A continuation returns false to stop the search (early exit).
/// The evaluator is split by area: bodies and expressions, terms, unification, references,
/// rules, and calls.
/// </summary>
internal sealed partial class Evaluator
{
    // One spare evaluator per thread: an evaluation allocates its evaluator, state, caches and
    // delegates once per thread instead of once per query. Taken while in use, so a nested
    // evaluation on the same thread gets a fresh one.
    [ThreadStatic]
    private static Evaluator? t_spare;

    private readonly BuiltinContext _builtins = new();
    private readonly EvalState _root = new() { IsRoot = true };
    private readonly FramePool _frames = new();
    private CompiledPolicy _policy = null!;
    private EvalLimits _limits;
    private long _steps;
    private int _depth;
    private bool _holds;
    private Func<bool>? _setHolds;

    private Evaluator()
    {
        State = _root;
    }

    /// <summary>An evaluator for one query; give it back with <see cref="Return"/> when done.</summary>
    public static Evaluator Rent(CompiledPolicy policy, RegoValue? input, EvalLimits limits, DateTimeOffset? now)
    {
        var evaluator = t_spare ?? new Evaluator();
        t_spare = null;
        evaluator._policy = policy;
        evaluator._limits = limits;
        evaluator._builtins.Reset(now, limits.Cancellation);
        evaluator._root.Reset(input, policy.RuleNodeCount);
        evaluator.State = evaluator._root;
        evaluator._steps = 0;
        evaluator._depth = 0;
        evaluator._holds = false;
        evaluator.Fired = null;
        return evaluator;
    }

    /// <summary>Drops what the evaluation referenced and keeps the evaluator for the thread's next query.</summary>
    public void Return()
    {
        ForgetInputPaths();
        _root.Reset(null, 0);
        _builtins.Reset(null, default);
        _policy = null!;
        State = _root;
        Fired = null;
        t_spare = this;
    }

    /// <summary>The current <c>with</c> scope.</summary>
    private EvalState State { get; set; }

    /// <summary>Rules whose bodies succeeded, when explanation is requested.</summary>
    public HashSet<Rule>? Fired { get; set; }

    /// <summary>Runs a compiled query and collects every solution's visible bindings.</summary>
    public List<IReadOnlyDictionary<string, RegoValue>> RunQuery(Body query, int frameSize, QueryOutput output)
    {
        // Most decision queries have one solution.
        var solutions = new List<IReadOnlyDictionary<string, RegoValue>>(1);
        (_solutions, _output) = (solutions, output);
        try
        {
            RunQuery(query, frameSize, _collect ??= CollectSolution);
        }
        finally
        {
            (_solutions, _output) = (null, null);
        }
        return solutions;
    }

    /// <summary>
    /// Runs a compiled query for the value of one frame slot in its first solution, without building
    /// solutions. Later solutions are still evaluated, so their errors are raised as in <see cref="RunQuery(Body, int, QueryOutput)"/>.
    /// </summary>
    public RegoValue? RunQueryFirst(Body query, int frameSize, int slot)
    {
        (_firstSlot, _first) = (slot, null);
        try
        {
            RunQuery(query, frameSize, _captureFirst ??= CaptureFirst);
            return _first;
        }
        finally
        {
            _first = null;
        }
    }

    private void RunQuery(Body query, int frameSize, Func<bool> onSolution)
    {
        var frame = _frames.Rent(frameSize);
        _queryFrame = frame;
        try
        {
            EvalBody(query, 0, frame, onSolution);
        }
        finally
        {
            _queryFrame = null;
            _frames.Return(frame);
        }
    }

    // The query's continuations, one delegate each per evaluator: the state they need lives in the fields below.
    private List<IReadOnlyDictionary<string, RegoValue>>? _solutions;
    private QueryOutput? _output;
    private RegoValue?[]? _queryFrame;
    private Func<bool>? _collect;
    private int _firstSlot;
    private RegoValue? _first;
    private Func<bool>? _captureFirst;

    private bool CollectSolution()
    {
        _solutions!.Add(_output!.Capture(_queryFrame!));
        return true;
    }

    private bool CaptureFirst()
    {
        _first ??= _queryFrame![_firstSlot];
        return true;
    }

    /// <summary>Counts a step and enforces the step, time, stack and cancellation limits.</summary>
    // Inlined: it runs for every expression and element. The checks run every fourth step, and on
    // the step past the limit; a step adds far less stack than the headroom the stack check keeps,
    // and that check is a runtime call that showed up in profiles.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(Node at)
    {
        var steps = ++_steps;
        if ((steps & 3) == 0 || steps > _limits.MaxSteps)
        {
            CheckLimits(at);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckLimits(Node at)
    {
        if (_steps > _limits.MaxSteps)
        {
            throw new RegoException(ErrorCodes.Limit, $"evaluation exceeded the step limit of {_limits.MaxSteps}", at.Location);
        }
        if ((_steps & 1023) == 0)
        {
            if (_limits.Cancellation.IsCancellationRequested)
            {
                throw new RegoException(ErrorCodes.Cancel, "caller cancelled query execution", at.Location);
            }
            if (Stopwatch.GetTimestamp() > _limits.DeadlineTimestamp)
            {
                throw new RegoException(ErrorCodes.Cancel, "evaluation exceeded the time limit", at.Location);
            }
        }
        if ((_steps & 3) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new RegoException(ErrorCodes.Limit, "evaluation exceeded the stack depth", at.Location);
        }
    }

    /// <summary>Counts one iteration step: loops over collections are bounded like expressions.</summary>
    private void Tick(Node at) => Step(at);

    private void Enter(Node at)
    {
        if (++_depth > _limits.MaxDepth)
        {
            _depth--;
            throw new RegoException(ErrorCodes.Limit, $"evaluation exceeded the depth limit of {_limits.MaxDepth}", at.Location);
        }
    }

    private void Leave() => _depth--;

    private static RegoException Unsafe(VarTerm v) =>
        new(ErrorCodes.Unsafe, $"var {v.Name} is unsafe", v.Location);
}
