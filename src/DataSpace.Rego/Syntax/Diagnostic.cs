namespace DataSpace.Rego;

/// <summary>A compile-time problem, worded like OPA's (<c>rego_parse_error</c>, <c>rego_compile_error</c>, …).</summary>
/// <param name="Code">OPA's error code.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Location">Where.</param>
public sealed record Diagnostic(string Code, string Message, SourceLocation? Location)
{
    /// <summary>OPA's format: <c>file:line: code: message</c>.</summary>
    public override string ToString() => Location is null ? $"{Code}: {Message}" : $"{Location}: {Code}: {Message}";
}
