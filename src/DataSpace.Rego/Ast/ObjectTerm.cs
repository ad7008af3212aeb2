namespace DataSpace.Rego.Ast;

/// <summary>An object literal.</summary>
internal sealed class ObjectTerm(KeyValuePair<Term, Term>[] entries, SourceLocation location) : Term(location)
{
    public KeyValuePair<Term, Term>[] Entries { get; } = entries;
}
