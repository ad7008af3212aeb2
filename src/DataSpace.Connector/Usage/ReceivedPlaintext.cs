using DataSpace.Crypto.Age;
using DataSpace.Crypto.Sealing;

namespace DataSpace.Connector.Usage;

/// <summary>
/// Decrypts stored received data into a response, chunk by chunk (memory stays flat), and checks
/// the plaintext against the SHA-256 of the provider's signed manifest. age authenticates every
/// 64 KiB chunk as it goes, so a failure can only be known after earlier chunks left: the caller
/// must then abort the response, so the reader never takes a cut or altered body as complete.
/// </summary>
internal static class ReceivedPlaintext
{
    /// <summary>Null when every byte decrypted and the digest matched; otherwise what went wrong.</summary>
    public static async Task<string?> CopyAsync(Stream ciphertext, Stream output, IIdentity identity, string expectedSha256, CancellationToken cancellationToken)
    {
        var digesting = new DigestingStream(output, leaveOpen: true);
        await using (digesting.ConfigureAwait(false))
        {
            try
            {
                await AgeDecryptor.DecryptAsync(ciphertext, digesting, [identity], cancellationToken).ConfigureAwait(false);
            }
            catch (AgeException e)
            {
                return $"the stored ciphertext does not decrypt with this participant's identity ({e.Kind}: {e.Message})";
            }
            var actual = Convert.ToHexStringLower(digesting.Digest);
            return string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"the plaintext's SHA-256 {actual} is not the {expectedSha256} of the provider's manifest";
        }
    }
}
