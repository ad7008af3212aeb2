namespace DataSpace.Crypto.Age;

/// <summary>
/// Something that can decrypt files: it recognises the stanzas addressed to it and unwraps the
/// file key (age spec, "Recipient stanza"; Go's <c>age.Identity</c>).
/// </summary>
public interface IIdentity
{
    /// <summary>
    /// Tries every stanza of a header. Stanzas of other types are ignored, as the spec requires.
    /// </summary>
    /// <param name="stanzas">All stanzas of the header, in order.</param>
    /// <returns>
    /// The 16-byte file key, or <see langword="null"/> when no stanza is addressed to this
    /// identity or none decrypts with it (age's <c>ErrIncorrectIdentity</c>): the caller then
    /// tries the next identity.
    /// </returns>
    /// <exception cref="AgeException">
    /// Kind <see cref="AgeErrorKind.Header"/>: a stanza of this identity's type is malformed, or
    /// decryption must abort (for example an all-zero X25519 shared secret). This is fatal, not
    /// a mismatch.
    /// </exception>
    byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas);
}
