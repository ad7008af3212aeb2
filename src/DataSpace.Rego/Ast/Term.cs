namespace DataSpace.Rego.Ast;

/// <summary>A Rego term: scalar, variable, reference, collection, comprehension or call.</summary>
internal abstract class Term : Node
{
    protected Term(SourceLocation location)
        : base(location)
    {
    }
}
