namespace DataSpace.Cli.Hosting;

/// <summary>
/// The exit codes of the <c>dataspace</c> command, documented in README.md. Scripts may rely on them.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything worked; for checks, the thing checked is valid.</summary>
    public const int Success = 0;

    /// <summary>A check ran and found the input not valid: a bad signature, a digest mismatch, a failed audit.</summary>
    public const int VerificationFailed = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>An input could not be read or understood: missing file, malformed JSON or key file, wrong passphrase.</summary>
    public const int InputError = 3;

    /// <summary>Decryption failed: no matching key, tampered, truncated or malformed ciphertext. Nothing was written.</summary>
    public const int DecryptionFailed = 4;

    /// <summary>An output could not be written (permissions, disk full, file exists).</summary>
    public const int OutputError = 5;

    /// <summary>A bug: an unexpected internal error. Please report it.</summary>
    public const int InternalError = 70;
}
