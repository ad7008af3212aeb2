namespace DataSpace.Core.Results;

/// <summary>A failure with its kind and a sentence that says what was wrong and, where useful, what to do.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">For people: what was wrong.</param>
public sealed record Error(ErrorKind Kind, string Message)
{
    /// <summary>A malformed input.</summary>
    public static Error Invalid(string message) => new(ErrorKind.Invalid, message);

    /// <summary>Not allowed for this caller.</summary>
    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message);

    /// <summary>Nothing by that id.</summary>
    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    /// <summary>Not in the current state.</summary>
    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

    /// <summary>A dependency could not answer.</summary>
    public static Error Unavailable(string message) => new(ErrorKind.Unavailable, message);
}
