namespace DataSpace.Crypto.Sealing;

/// <summary>A sealed file does not match its signed manifest; no plaintext may be released.</summary>
public sealed class SealException(SealFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What did not match.</summary>
    public SealFailure Failure { get; } = failure;
}
