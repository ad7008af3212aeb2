using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>
/// Where a reference under <c>data</c> reaches a rule by constant names alone (<c>data.app.rbac.allow</c>,
/// a rule named in its own package): the rule's node and how many operands lead to it. The evaluator
/// caches this per reference and, when no <c>with</c> replaces data, jumps straight to the rule instead
/// of walking the tree by name on every evaluation.
/// </summary>
internal sealed record RulePrefix(RuleNode? Node, int Depth)
{
    /// <summary>The reference does not reach a rule by constant names; walk it as usual.</summary>
    public static RulePrefix None { get; } = new(null, 0);

    /// <summary>Follows constant string operands from the root; mirrors the order of checks in the data walk.</summary>
    public static RulePrefix Find(RuleNode root, Term[] ops)
    {
        var node = root;
        for (var i = 0; i < ops.Length; i++)
        {
            if (node.IsLeaf)
            {
                return new RulePrefix(node, i);
            }
            if (node.IsFunction || node.Objects.Count > 0 || ops[i] is not ScalarTerm { Value: RegoString name }
                || !node.Children.TryGetValue(name.Value, out var child))
            {
                return None;
            }
            node = child;
        }
        return node.IsLeaf ? new RulePrefix(node, ops.Length) : None;
    }
}
