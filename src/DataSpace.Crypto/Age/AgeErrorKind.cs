namespace DataSpace.Crypto.Age;

/// <summary>
/// The class of an age decryption failure, matching the <c>expect:</c> outcomes of the CCTV
/// age testkit so that a lower-level error is never masked by a higher-level one.
/// </summary>
public enum AgeErrorKind
{
    /// <summary>The header parsed, but none of the given identities could unwrap a stanza (age's <c>ErrIncorrectIdentity</c>).</summary>
    NoMatch,

    /// <summary>A file key was unwrapped, but the header MAC does not match (age spec, "Header MAC").</summary>
    Hmac,

    /// <summary>The header, a stanza addressed to an identity, or the payload nonce is malformed (age spec, "Header").</summary>
    Header,

    /// <summary>The STREAM payload did not decrypt and authenticate all the way to its end (age spec, "Payload").</summary>
    Payload,

    /// <summary>The ASCII armor is not strict PEM with label <c>AGE ENCRYPTED FILE</c> (age spec, "ASCII armor").</summary>
    Armor,
}
