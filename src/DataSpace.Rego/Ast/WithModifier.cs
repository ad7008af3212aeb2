namespace DataSpace.Rego.Ast;

/// <summary><c>with target as value</c>.</summary>
internal sealed class WithModifier(Term target, Term value, SourceLocation location) : Node(location)
{
    public Term Target { get; } = target;

    public Term Value { get; } = value;
}
