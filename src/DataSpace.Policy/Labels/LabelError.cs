namespace DataSpace.Policy;

/// <summary>One thing wrong with a classification label.</summary>
/// <param name="Pointer">
/// The RFC 6901 JSON pointer of the offending member (<c>/category</c>,
/// <c>/crossBorder/approvals/0/expires</c>); for a missing member, where it should be;
/// the empty string for the label itself.
/// </param>
/// <param name="Message">What is wrong, for people: <c>must be one of general, important, core</c>.</param>
public sealed record LabelError(string Pointer, string Message)
{
    /// <summary><c>/category: must be one of general, important, core</c>.</summary>
    public override string ToString() => $"{(Pointer.Length == 0 ? "(label)" : Pointer)}: {Message}";
}
