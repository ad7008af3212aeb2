namespace DataSpace.Rego.Ast;

/// <summary>An array, set or object comprehension; <see cref="Key"/> is only set for objects.</summary>
internal sealed class ComprehensionTerm(ComprehensionKind kind, Term? key, Term value, Body body, SourceLocation location) : Term(location)
{
    public ComprehensionKind Kind { get; } = kind;

    public Term? Key { get; } = key;

    public Term Value { get; } = value;

    public Body Body { get; } = body;
}
