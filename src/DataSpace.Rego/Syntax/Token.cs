namespace DataSpace.Rego.Syntax;

/// <summary>One lexical token; <see cref="NewlineBefore"/> matters because a newline ends an expression.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, int Line, int Column, bool NewlineBefore)
{
    /// <summary>Decoded string value for string tokens; the parts for template tokens.</summary>
    public object? Value { get; init; }

    /// <summary>Length of the source text covered.</summary>
    public int Length { get; init; }
}
