namespace DataSpace.Rego.Ast;

/// <summary><c>some x, y</c>: declares local variables.</summary>
internal sealed class SomeExpr(VarTerm[] vars, SourceLocation location) : Expr(location)
{
    public VarTerm[] Vars { get; } = vars;
}
