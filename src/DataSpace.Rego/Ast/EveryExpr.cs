namespace DataSpace.Rego.Ast;

/// <summary><c>every [key,] value in domain { body }</c>.</summary>
internal sealed class EveryExpr(Term? key, Term value, Term domain, Body body, SourceLocation location) : Expr(location)
{
    public Term? Key { get; } = key;

    public Term Value { get; } = value;

    public Term Domain { get; } = domain;

    public Body Body { get; } = body;
}
