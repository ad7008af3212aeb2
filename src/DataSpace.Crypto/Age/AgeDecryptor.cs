using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Decrypts age v1 files, binary or ASCII-armored (detected), with a set of identities.
/// Plaintext is written chunk by chunk, each chunk only after it authenticated.
/// </summary>
public static class AgeDecryptor
{
    private const int LineBufferSize = 64 * 1024;

    /// <summary>
    /// Decrypts <paramref name="input"/> into <paramref name="output"/>. The input is armored
    /// when it does not start with <c>age-encryption.org/</c>. Neither stream is closed.
    /// </summary>
    /// <param name="input">The age file.</param>
    /// <param name="output">Receives the plaintext.</param>
    /// <param name="identities">Tried in order; the first that unwraps a stanza is used. With none, a well-formed file gives <see cref="AgeErrorKind.NoMatch"/>.</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    /// <returns>The number of plaintext bytes written.</returns>
    /// <exception cref="AgeException">
    /// The file is not valid for these identities; <see cref="AgeException.Kind"/> says why. On a
    /// <see cref="AgeErrorKind.Payload"/> failure the output holds the chunks that authenticated
    /// before it, and the caller must discard or distrust them.
    /// </exception>
    public static async Task<long> DecryptAsync(Stream input, Stream output, IReadOnlyList<IIdentity> identities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(identities);

        // Step 1: binary or armored (age spec, "ASCII armor").
        var source = await OpenAsync(input, cancellationToken).ConfigureAwait(false);

        // Step 2: the header, strictly (age spec, "Header").
        var header = await HeaderReader.ReadAsync(source, cancellationToken).ConfigureAwait(false);
        if (header.Stanzas.Count > 1 && header.Stanzas.Any(stanza => stanza.Type == ScryptRecipient.StanzaType))
        {
            throw new AgeException(AgeErrorKind.Header, "Invalid age header: an scrypt stanza must be the only stanza.");
        }

        // Step 3: the file key from the first identity that recognises a stanza.
        var fileKey = identities.Select(identity => identity.Unwrap(header.Stanzas)).FirstOrDefault(key => key is not null)
            ?? throw new AgeException(AgeErrorKind.NoMatch, "No identity matches any recipient stanza of this file.");
        try
        {
            // Step 4: the header MAC (age spec, "Header MAC").
            if (fileKey.Length != FileKeyWrap.FileKeySize)
            {
                throw new AgeException(AgeErrorKind.Header, "An identity returned a file key that is not 16 bytes.");
            }
            if (!HeaderMac.Verify(fileKey, header))
            {
                throw new AgeException(AgeErrorKind.Hmac, "The header MAC does not match: the header was altered.");
            }

            // Step 5: the payload nonce and the STREAM payload (age spec, "Payload").
            var nonce = new byte[Payload.NonceSize];
            if (await source.ReadFullAsync(nonce, cancellationToken).ConfigureAwait(false) < nonce.Length)
            {
                throw new AgeException(AgeErrorKind.Header, "Invalid age file: it ends before the 16-byte payload nonce.");
            }
            var payloadKey = Payload.DeriveKey(fileKey, nonce);
            try
            {
                return await PayloadDecryptor.DecryptAsync(source, output, payloadKey, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payloadKey);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>A binary file starts with the version prefix (an empty or cut-off one is a header failure); anything else must be armor.</summary>
    private static async ValueTask<BufferedSource> OpenAsync(Stream input, CancellationToken cancellationToken)
    {
        var raw = new BufferedSource(input, LineBufferSize);
        var prefix = "age-encryption.org/"u8.ToArray();
        var start = await raw.PeekAsync(prefix.Length, cancellationToken).ConfigureAwait(false);
        return prefix.AsSpan().StartsWith(start.Span)
            ? raw
            : new BufferedSource(new ArmorReader(raw), LineBufferSize);
    }
}
