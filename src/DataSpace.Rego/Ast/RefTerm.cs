namespace DataSpace.Rego.Ast;

/// <summary>A reference: a head term followed by path operands (<c>a.b[x]</c>).</summary>
internal sealed class RefTerm(Term head, Term[] path, SourceLocation location) : Term(location)
{
    public Term Head { get; } = head;

    public Term[] Path { get; } = path;
}
