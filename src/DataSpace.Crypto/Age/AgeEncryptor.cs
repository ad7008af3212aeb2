using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Encrypts a stream to age v1 (age spec, "Encrypted file format"), binary or ASCII-armored.
/// Memory use is a few MiB whatever the input size.
/// </summary>
public static class AgeEncryptor
{
    /// <summary>
    /// Encrypts <paramref name="plaintext"/> (read to its end) into <paramref name="output"/>.
    /// Neither stream is closed.
    /// </summary>
    /// <param name="plaintext">The data to encrypt.</param>
    /// <param name="output">Receives the age file.</param>
    /// <param name="recipients">Who can decrypt; at least one. An <see cref="ScryptRecipient"/> must be the only one; <see cref="HybridRecipient"/>s may only be joined by other hybrid recipients.</param>
    /// <param name="armor">Write the PEM <c>AGE ENCRYPTED FILE</c> armor instead of binary.</param>
    /// <param name="cancellationToken">Stops the operation; the output is then incomplete.</param>
    /// <exception cref="ArgumentException">No recipient, a passphrase recipient mixed with others, or hybrid post-quantum recipients mixed with classic ones.</exception>
    public static async Task EncryptAsync(Stream plaintext, Stream output, IReadOnlyList<IRecipient> recipients, bool armor = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one recipient is required.", nameof(recipients));
        }

        // Step 1: a fresh file key, wrapped for every recipient (age spec, "File key").
        var fileKey = RandomNumberGenerator.GetBytes(FileKeyWrap.FileKeySize);
        try
        {
            var stanzas = recipients.SelectMany(recipient => recipient.Wrap(fileKey)).ToList();
            if (stanzas.Count > 1 && stanzas.Any(stanza => stanza.Type == ScryptRecipient.StanzaType))
            {
                throw new ArgumentException("A passphrase (scrypt) recipient must be the only recipient of a file.", nameof(recipients));
            }
            if (stanzas.Any(stanza => stanza.Type == HybridRecipient.StanzaType) && !stanzas.All(stanza => stanza.Type == HybridRecipient.StanzaType))
            {
                // Age spec: a file SHOULD NOT mix post-quantum and classic recipients (age 1.3 refuses too).
                throw new ArgumentException("Post-quantum (age1pq) recipients cannot be mixed with classic recipients: the file would not resist a quantum adversary.", nameof(recipients));
            }

            // Step 2: the header with its MAC, then the payload nonce (age spec, "Header MAC", "Payload").
            var header = new AgeHeader(stanzas, HeaderMac.Compute(fileKey, stanzas));
            var nonce = RandomNumberGenerator.GetBytes(Payload.NonceSize);
            var target = armor ? new ArmorWriter(output) : output;
            await target.WriteAsync(header.Encode(), cancellationToken).ConfigureAwait(false);
            await target.WriteAsync(nonce, cancellationToken).ConfigureAwait(false);

            // Step 3: the STREAM payload.
            var payloadKey = Payload.DeriveKey(fileKey, nonce);
            try
            {
                await PayloadEncryptor.EncryptAsync(plaintext, target, payloadKey, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payloadKey);
            }

            // Step 4: close the armor.
            if (target is ArmorWriter armorWriter)
            {
                await armorWriter.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }
}
