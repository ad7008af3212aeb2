namespace DataSpace.Rego.Ast;

/// <summary>
/// A function call. <see cref="Operator"/> is the name as written (<c>count</c>, <c>data.lib.f</c>,
/// or an operator's builtin name such as <c>plus</c>); the compiler resolves the target.
/// </summary>
internal sealed class CallTerm(string op, Term[] args, SourceLocation location) : Term(location)
{
    public string Operator { get; } = op;

    public Term[] Args { get; } = args;

    /// <summary>Resolved user function path under <c>data</c>, when it names one.</summary>
    public string[]? FunctionPath { get; set; }

    /// <summary>Name used for builtin lookup and for <c>with</c> replacement.</summary>
    public string ResolvedName { get; set; } = op;

    /// <summary>Declared arity of the target, set by the compiler; -1 when unknown (variadic or missing).</summary>
    public int Arity { get; set; } = -1;

    /// <summary>The resolved target, cached by the evaluator on first use.</summary>
    public Evaluation.CallTarget? Target { get; set; }
}
