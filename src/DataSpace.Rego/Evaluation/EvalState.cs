using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// What a <c>with</c> modifier can change: the input, data replacements, function mocks, and
/// the rule-value cache that depends on them. A fresh state is pushed for each <c>with</c>; the
/// root state belongs to its evaluator and is reset for each evaluation.
/// </summary>
internal sealed class EvalState
{
    // Caches that grew past this are dropped rather than cleared, so a reused evaluator does not
    // keep one large evaluation's memory.
    private const int KeptCacheSize = 256;

    private RegoValue? _input;

    public RegoValue? Input { get => _input; init => _input = value; }

    public OverrideNode? Data { get; init; }

    public Dictionary<string, FunctionMock>? Mocks { get; init; }

    // Created on first use: most queries touch few of them, and a state is made per `with`.
    private RuleValueCache? _ruleCache;
    private Dictionary<RuleNode, RegoValue>? _fullCache;
    private Dictionary<(RuleNode, RegoArray), RegoValue?>? _functionCache;

    public RuleValueCache RuleCache => _ruleCache ??= new RuleValueCache(IsRoot);

    /// <summary>The evaluator's own state, reused across evaluations (not one made for a <c>with</c>).</summary>
    public bool IsRoot { get; init; }

    public Dictionary<RuleNode, RegoValue> FullCache => _fullCache ??= [];

    public Dictionary<(RuleNode, RegoArray), RegoValue?> FunctionCache => _functionCache ??= [];

    /// <summary>Starts the root state of a new evaluation against a policy of <paramref name="ruleNodes"/> nodes: the given input and empty caches.</summary>
    public void Reset(RegoValue? input, int ruleNodes)
    {
        _input = input;
        RuleCache.Clear();
        RuleCache.Prepare(ruleNodes);
        Clear(ref _fullCache);
        Clear(ref _functionCache);
    }

    private static void Clear<TKey, TValue>(ref Dictionary<TKey, TValue>? cache)
        where TKey : notnull
    {
        if (cache is null)
        {
            return;
        }
        if (cache.Count > KeptCacheSize)
        {
            cache = null;
            return;
        }
        cache.Clear();
    }
}
