namespace DataSpace.Rego.Ast;

/// <summary>A set literal (<c>{1, 2}</c> or <c>set()</c>).</summary>
internal sealed class SetTerm(Term[] items, SourceLocation location) : Term(location)
{
    public Term[] Items { get; } = items;
}
