namespace DataSpace.Rego.Ast;

/// <summary>An array literal.</summary>
internal sealed class ArrayTerm(Term[] items, SourceLocation location) : Term(location)
{
    public Term[] Items { get; } = items;
}
