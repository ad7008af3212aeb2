namespace DataSpace.Rego.Evaluation;

/// <summary>OPA's error codes and fixed messages (topdown/errors.go).</summary>
internal static class ErrorCodes
{
    public const string Conflict = "eval_conflict_error";
    public const string Type = "eval_type_error";
    public const string Builtin = "eval_builtin_error";
    public const string Cancel = "eval_cancel_error";
    public const string Limit = "eval_limit_error";
    public const string Unsafe = "rego_unsafe_var_error";
    public const string Recursion = "rego_recursion_error";

    public const string CompleteConflict = "complete rules must not produce multiple outputs";
    public const string FunctionConflict = "functions must not produce multiple outputs for same inputs";
    public const string ObjectConflict = "object keys must be unique";
}
