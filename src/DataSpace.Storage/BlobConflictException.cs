namespace DataSpace.Storage;

/// <summary>
/// A put lost a race with another put to the same key: the other one published first and this one's
/// staged data was discarded, so nothing of this put is visible. Retrying with the content again is safe.
/// </summary>
public sealed class BlobConflictException : IOException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public BlobConflictException(string key, Exception? innerException = null)
        : base($"Another put to blob '{key}' was published while this one was in progress; this put published nothing. Retry it.", innerException)
    {
        Key = key;
    }

    /// <summary>The key both puts wrote.</summary>
    public string Key { get; }
}
