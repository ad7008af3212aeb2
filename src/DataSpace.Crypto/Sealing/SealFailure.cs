namespace DataSpace.Crypto.Sealing;

/// <summary>Why a sealed file was refused.</summary>
public enum SealFailure
{
    /// <summary>The manifest is not well-formed.</summary>
    Malformed,

    /// <summary>The manifest is not signed by the expected signer.</summary>
    BadSignature,

    /// <summary>The age file's digest or size differs from the manifest's.</summary>
    CiphertextMismatch,

    /// <summary>The decrypted content's digest or size differs from the manifest's.</summary>
    PlaintextMismatch,
}
