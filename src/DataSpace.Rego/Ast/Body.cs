namespace DataSpace.Rego.Ast;

/// <summary>A conjunction of expressions; the compiler may reorder them for safety.</summary>
internal sealed class Body(List<Expr> exprs, SourceLocation location) : Node(location)
{
    public List<Expr> Exprs { get; set; } = exprs;

    /// <summary>Slots of enclosing scopes that this body reads; set by the compiler.</summary>
    public HashSet<int> Closure { get; set; } = [];
}
