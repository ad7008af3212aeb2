namespace DataSpace.Policy;

/// <summary>One problem found while loading policies.</summary>
/// <param name="Code">OPA's error code for Rego problems (<c>rego_parse_error</c>, …), or <c>bundle_error</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="File">The file inside the bundle, when known.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record PolicyProblem(string Code, string Message, string? File, int Line, int Column)
{
    /// <summary>The code used for problems with the bundle itself rather than its Rego.</summary>
    public const string BundleError = "bundle_error";

    /// <summary><c>file:line:col: code: message</c>, leaving out what is unknown.</summary>
    public override string ToString()
    {
        var where = File is null ? null : Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return where is null ? $"{Code}: {Message}" : $"{where}: {Code}: {Message}";
    }
}
