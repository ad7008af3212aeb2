namespace DataSpace.Crypto.Age;

/// <summary>
/// Something a file can be encrypted to: it wraps the 16-byte file key into one or more
/// stanzas (age spec, "Recipient stanza"; Go's <c>age.Recipient</c>).
/// </summary>
public interface IRecipient
{
    /// <summary>Wraps <paramref name="fileKey"/> for this recipient.</summary>
    /// <param name="fileKey">The 16-byte file key of the file being encrypted.</param>
    /// <returns>The stanzas to place in the header.</returns>
    IReadOnlyList<AgeStanza> Wrap(ReadOnlySpan<byte> fileKey);
}
