using DataSpace.Rego.Builtins;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// What a call resolves to when no <c>with</c> mocks apply: a user function's node or a builtin.
/// Cached per call site, so evaluation does not look names up on every call.
/// </summary>
internal sealed class CallTarget
{
    private CallTarget(RuleNode? function, BuiltinFunction? builtin)
    {
        Function = function;
        Builtin = builtin;
        IsEqual = builtin?.Name == "equal";
    }

    public RuleNode? Function { get; }

    public BuiltinFunction? Builtin { get; }

    /// <summary>The <c>==</c> operator, evaluated without an argument array.</summary>
    public bool IsEqual { get; }

    /// <summary>Both-null when the name resolves to nothing; the general call path reports that error.</summary>
    public static CallTarget Resolve(Ast.CallTerm c, RuleNode root)
    {
        if (c.FunctionPath is not null && root.Find(c.FunctionPath) is { IsFunction: true } node)
        {
            return new CallTarget(node, null);
        }
        return new CallTarget(null, BuiltinRegistry.TryGet(c.ResolvedName, out var b) ? b : null);
    }
}
