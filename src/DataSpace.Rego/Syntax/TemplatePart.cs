namespace DataSpace.Rego.Syntax;

/// <summary>A piece of a template string: literal text, or expression source at an offset.</summary>
internal sealed record TemplatePart(string? Literal, string? ExpressionSource, int Offset, int Line, int Column);
