namespace DataSpace.Crypto.Keys;

/// <summary>A key file cannot be used: malformed, inconsistent, or locked by a passphrase not given or wrong.</summary>
public sealed class KeyFileException(KeyFileError error, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What is wrong with the key file.</summary>
    public KeyFileError Error { get; } = error;
}
