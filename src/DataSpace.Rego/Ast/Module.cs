namespace DataSpace.Rego.Ast;

/// <summary>A parsed policy file.</summary>
internal sealed class Module(string file, string[] package, List<Import> imports, List<Rule> rules, SourceLocation location) : Node(location)
{
    public string File { get; } = file;

    /// <summary>Package path without the leading <c>data</c>.</summary>
    public string[] Package { get; } = package;

    public List<Import> Imports { get; } = imports;

    public List<Rule> Rules { get; } = rules;
}
