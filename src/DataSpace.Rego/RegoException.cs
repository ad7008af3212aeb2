namespace DataSpace.Rego;

/// <summary>
/// A policy error with OPA's code (<c>eval_conflict_error</c>, <c>eval_type_error</c>,
/// <c>eval_builtin_error</c>, <c>rego_parse_error</c>, …). <see cref="Exception.Message"/> reads
/// as OPA prints it: <c>file:line: code: message</c>.
/// </summary>
public class RegoException : Exception
{
    /// <summary>Creates an error.</summary>
    public RegoException(string code, string detail, SourceLocation? location = null)
        : base(location is null ? $"{code}: {detail}" : $"{location}: {code}: {detail}")
    {
        Code = code;
        Detail = detail;
        Location = location;
    }

    /// <summary>OPA's error code.</summary>
    public string Code { get; }

    /// <summary>The message without location and code.</summary>
    public string Detail { get; }

    /// <summary>Where the error arose, when known.</summary>
    public SourceLocation? Location { get; }
}
