namespace DataSpace.Rego.Ast;

/// <summary>A literal null, boolean, number or string.</summary>
internal sealed class ScalarTerm(RegoValue value, SourceLocation location) : Term(location)
{
    public RegoValue Value { get; } = value;
}
