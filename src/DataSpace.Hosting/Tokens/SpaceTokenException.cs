namespace DataSpace.Hosting.Tokens;

/// <summary>
/// The broker refused a token request or could not be asked. <see cref="Error"/> is the OAuth
/// error code (RFC 6749 §5.2) when the broker answered with one.
/// </summary>
public sealed class SpaceTokenException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpaceTokenException(string message, string? error = null, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>The OAuth error code, e.g. <c>invalid_client</c>, if the broker sent one.</summary>
    public string? Error { get; }

    /// <summary>The broker's HTTP status, if it answered.</summary>
    public int? StatusCode { get; }
}
