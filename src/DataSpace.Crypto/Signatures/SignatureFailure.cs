namespace DataSpace.Crypto.Signatures;

/// <summary>Why a signed JSON object did not verify. Every kind fails closed.</summary>
public enum SignatureFailure
{
    /// <summary>Verified.</summary>
    None,

    /// <summary>The document is not a JSON object, or its <c>signatures</c> member is malformed.</summary>
    Malformed,

    /// <summary>There are no signatures at all.</summary>
    Unsigned,

    /// <summary>A signature names a key id the verifier does not know.</summary>
    UnknownKey,

    /// <summary>A signature names an algorithm other than Ed25519.</summary>
    UnsupportedAlgorithm,

    /// <summary>A signature value is not canonical base64 of 64 bytes.</summary>
    BadEncoding,

    /// <summary>A signature does not match the content (any byte changed, or the wrong key).</summary>
    Invalid,

    /// <summary>The same key signed twice.</summary>
    DuplicateSigner,

    /// <summary>A signer the caller requires did not sign.</summary>
    MissingSigner,
}
