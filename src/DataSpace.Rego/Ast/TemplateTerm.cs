namespace DataSpace.Rego.Ast;

/// <summary>A template string <c>$"…{expr}…"</c>: literal parts interleaved with expressions.</summary>
internal sealed class TemplateTerm(object[] parts, SourceLocation location) : Term(location)
{
    /// <summary>Each part is a <see cref="string"/> or an <see cref="Expr"/>.</summary>
    public object[] Parts { get; } = parts;
}
