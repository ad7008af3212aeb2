using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// What a <c>with</c> modifier can change: the input, data replacements, function mocks, and
/// the rule-value cache that depends on them. A fresh state is pushed for each <c>with</c>.
/// </summary>
internal sealed class EvalState
{
    public RegoValue? Input { get; init; }

    public OverrideNode? Data { get; init; }

    public Dictionary<string, FunctionMock>? Mocks { get; init; }

    // Created on first use: most queries touch few of them, and a state is made per evaluation and per `with`.
    private Dictionary<RuleNode, RegoValue?>? _ruleCache;
    private Dictionary<RuleNode, RegoValue>? _fullCache;
    private Dictionary<(RuleNode, RegoArray), RegoValue?>? _functionCache;

    public Dictionary<RuleNode, RegoValue?> RuleCache => _ruleCache ??= [];

    public Dictionary<RuleNode, RegoValue> FullCache => _fullCache ??= [];

    public Dictionary<(RuleNode, RegoArray), RegoValue?> FunctionCache => _functionCache ??= [];
}
