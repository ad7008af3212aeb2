namespace DataSpace.Rego.Ast;

/// <summary><c>some [key,] value in collection</c>.</summary>
internal sealed class SomeInExpr(Term? key, Term value, Term collection, SourceLocation location) : Expr(location)
{
    public Term? Key { get; } = key;

    public Term Value { get; } = value;

    public Term Collection { get; } = collection;
}
