namespace DataSpace.Rego.Builtins;

/// <summary>
/// Raised by a builtin: a type error (<c>eval_type_error</c>) or another failure
/// (<c>eval_builtin_error</c>). Outside strict mode the call is then undefined, as in OPA.
/// </summary>
internal sealed class BuiltinException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>Errors that are raised even when builtin errors are not strict (for example unsupported builtins).</summary>
    public bool AlwaysRaise { get; init; }
}
