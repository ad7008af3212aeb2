namespace DataSpace.Rego.Ast;

/// <summary><c>a = b</c> (unification) or <c>a := b</c> (declaration and assignment).</summary>
internal sealed class UnifyExpr(Term left, Term right, bool assign, SourceLocation location) : Expr(location)
{
    public Term Left { get; } = left;

    public Term Right { get; } = right;

    public bool IsAssign { get; } = assign;
}
