namespace DataSpace.Crypto.Signatures;

/// <summary>The outcome of verifying a signed JSON object: the signers, or why it failed.</summary>
/// <param name="Failure">What went wrong, or <see cref="SignatureFailure.None"/>.</param>
/// <param name="Message">A sentence for people: which signature, and why.</param>
/// <param name="Signers">The verified signing keys, in the order they appear.</param>
public sealed record SignatureVerification(SignatureFailure Failure, string Message, IReadOnlyList<Ed25519PublicKey> Signers)
{
    /// <summary>True when every signature verified and every required signer signed.</summary>
    public bool IsValid => Failure == SignatureFailure.None;

    internal static SignatureVerification Fail(SignatureFailure failure, string message) => new(failure, message, []);
}
