namespace DataSpace.Rego;

/// <summary>A position in a policy file: file name, 1-based line and column, and the text's span.</summary>
/// <param name="File">The module name given to the engine.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Offset">0-based character offset of the start.</param>
/// <param name="Length">Length of the spanned text, in characters.</param>
public sealed record SourceLocation(string File, int Line, int Column, int Offset = 0, int Length = 0)
{
    /// <summary>Formats as OPA does in error messages: <c>file:line</c>.</summary>
    public override string ToString() => $"{File}:{Line}";
}
