namespace DataSpace.Rego.Ast;

/// <summary>Base of every syntax node: each carries the source location it was parsed from.</summary>
internal abstract class Node
{
    protected Node(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }
}
