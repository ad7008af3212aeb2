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
    private readonly CompiledPolicy _policy;
    private readonly EvalLimits _limits;
    private readonly BuiltinContext _builtins;
    private long _steps;
    private int _depth;
    private bool _holds;
    private Func<bool>? _setHolds;

    public Evaluator(CompiledPolicy policy, RegoValue? input, EvalLimits limits, DateTimeOffset now)
    {
        _policy = policy;
        _limits = limits;
        _builtins = new BuiltinContext(now, limits.Cancellation);
        State = new EvalState { Input = input };
    }

    /// <summary>The current <c>with</c> scope.</summary>
    private EvalState State { get; set; }

    /// <summary>Rules whose bodies succeeded, when explanation is requested.</summary>
    public HashSet<Rule>? Fired { get; set; }

    /// <summary>Runs a compiled query, calling <paramref name="onResult"/> once per solution, with the bindings in <paramref name="frame"/>.</summary>
    public void Run(Body query, RegoValue?[] frame, Func<bool> onResult) => EvalBody(query, 0, frame, onResult);

    /// <summary>Counts a step and enforces the step, time, stack and cancellation limits.</summary>
    private void Step(Node at)
    {
        _steps++;
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
            if (DateTime.UtcNow > _limits.Deadline)
            {
                throw new RegoException(ErrorCodes.Cancel, "evaluation exceeded the time limit", at.Location);
            }
        }
        // Every fourth step is enough: a step adds far less stack than the headroom the check keeps,
        // and the check itself is a runtime call that showed up in profiles.
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
