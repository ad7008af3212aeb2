namespace DataSpace.Rego.Ast;

/// <summary>An expression that is a single term: true unless undefined or <c>false</c>.</summary>
internal sealed class TermExpr(Term term, SourceLocation location) : Expr(location)
{
    public Term Term { get; } = term;
}
