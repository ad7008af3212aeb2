namespace DataSpace.Crypto.Age;

/// <summary>Reads a public recipient string of any type DataSpace encrypts to.</summary>
public static class AgeRecipients
{
    /// <summary>
    /// Parses an X25519 (<c>age1…</c>) or MLKEM768-X25519 hybrid (<c>age1pq1…</c>) recipient.
    /// </summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static IRecipient Parse(string text) =>
        text.StartsWith("age1pq1", StringComparison.Ordinal) ? HybridRecipient.Parse(text) : X25519Recipient.Parse(text);
}
