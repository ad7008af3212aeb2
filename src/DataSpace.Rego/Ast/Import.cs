namespace DataSpace.Rego.Ast;

/// <summary><c>import data.x.y as z</c>: <see cref="Path"/> begins with the root (<c>data</c>, <c>input</c>, <c>future</c>, <c>rego</c>).</summary>
internal sealed class Import(string[] path, string? alias, SourceLocation location) : Node(location)
{
    public string[] Path { get; } = path;

    public string? Alias { get; } = alias;

    /// <summary>The name the import binds in the module.</summary>
    public string Name => Alias ?? Path[^1];
}
