namespace DataSpace.Crypto.Json;

/// <summary>
/// The input cannot be canonicalised: it is not valid JSON, or not I-JSON as RFC 8785 §3.1
/// requires (duplicate member names, lone surrogates, numbers outside binary64).
/// </summary>
public sealed class CanonicalJsonException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong.</summary>
    public CanonicalJsonException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parser error behind it.</summary>
    public CanonicalJsonException(string message, Exception inner) : base(message, inner)
    {
    }
}
