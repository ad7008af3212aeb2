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

    public Dictionary<RuleNode, RegoValue?> RuleCache { get; } = [];

    public Dictionary<RuleNode, RegoValue> FullCache { get; } = [];

    public Dictionary<(RuleNode, RegoArray), RegoValue?> FunctionCache { get; } = [];

    public HashSet<RuleNode> InProgress { get; } = [];
}
