namespace DataSpace.Rego.Ast;

/// <summary>A body literal: possibly negated, possibly with <c>with</c> modifiers.</summary>
internal abstract class Expr : Node
{
    protected Expr(SourceLocation location)
        : base(location)
    {
    }

    public bool Negated { get; set; }

    public WithModifier[] With { get; set; } = [];
}
