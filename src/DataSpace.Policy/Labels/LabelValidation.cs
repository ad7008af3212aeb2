namespace DataSpace.Policy;

/// <summary>The outcome of validating a classification label: valid, or every error found.</summary>
/// <param name="Errors">Every violation of the schema, in document order; empty when the label is valid.</param>
public sealed record LabelValidation(IReadOnlyList<LabelError> Errors)
{
    /// <summary>True when the label conforms to <c>docs/schemas/label.schema.json</c>.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error on one line, separated by <c>; </c> (for a problem detail or a log line).</summary>
    public override string ToString() => IsValid ? "valid" : string.Join("; ", Errors);
}
