namespace DataSpace.Crypto.Age;

/// <summary>
/// A failure to decrypt an age file. <see cref="Kind"/> says which layer rejected it; plaintext
/// already written to the output before a <see cref="AgeErrorKind.Payload"/> failure came from
/// chunks that authenticated, but the file as a whole must be treated as untrusted.
/// </summary>
public sealed class AgeException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public AgeException(AgeErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates an exception of the given kind that wraps a lower-level cause.</summary>
    public AgeException(AgeErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Which layer of the format rejected the input.</summary>
    public AgeErrorKind Kind { get; }
}
