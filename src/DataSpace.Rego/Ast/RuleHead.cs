namespace DataSpace.Rego.Ast;

/// <summary>
/// A rule head. <see cref="Name"/> is the static path (rule name plus constant string parts);
/// <see cref="DynamicPath"/> holds the remaining operands of a ref head.
/// </summary>
internal sealed class RuleHead(string[] name, Term[] dynamicPath, SourceLocation location) : Node(location)
{
    public string[] Name { get; } = name;

    public Term[] DynamicPath { get; set; } = dynamicPath;

    public RuleKind Kind { get; set; }

    public Term[]? Args { get; set; }

    /// <summary>The set member for <c>contains</c> rules.</summary>
    public Term? Member { get; set; }

    /// <summary>The value; null means <c>true</c>.</summary>
    public Term? Value { get; set; }

    public bool IsAssign { get; set; }
}
