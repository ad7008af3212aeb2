namespace DataSpace.Crypto.Keys;

/// <summary>Why a key file could not be loaded.</summary>
public enum KeyFileError
{
    /// <summary>Not a DataSpace key file, or a field is missing or malformed.</summary>
    Malformed,

    /// <summary>The public fields do not match the private keys (the file was altered).</summary>
    Inconsistent,

    /// <summary>The file is passphrase-protected and no passphrase was given.</summary>
    PassphraseRequired,

    /// <summary>The passphrase does not open the file, or the protected content is damaged.</summary>
    WrongPassphrase,
}
