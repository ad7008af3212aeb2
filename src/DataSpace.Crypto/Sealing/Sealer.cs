using DataSpace.Core;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Sealing;

/// <summary>
/// Seals a stream: age-encrypts it to the recipients while hashing plaintext (unless its digest is
/// already known) and ciphertext in the same pass, then describes the result in a manifest signed by the sender. The CLI's
/// <c>seal</c> and the connector's transfers use this one code path.
/// </summary>
public static class Sealer
{
    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> and returns the signed manifest.</summary>
    public static async Task<JsonObject> SealAsync(
        Stream plaintext,
        Stream ciphertext,
        IReadOnlyList<IRecipient> recipients,
        Ed25519Signer signer,
        SealOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(recipients.Count);
        var known = options.KnownPlaintext;
        await using var plainDigest = new DigestingStream(plaintext, leaveOpen: true, computeDigest: known is null) { Progress = options.Progress };
        await using var cipherDigest = new DigestingStream(ciphertext, leaveOpen: true);
        await AgeEncryptor.EncryptAsync(plainDigest, cipherDigest, recipients, options.Armor, cancellationToken).ConfigureAwait(false);
        await cipherDigest.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (known is not null && known.Size != plainDigest.BytesProcessed)
        {
            throw new SealException(SealFailure.PlaintextMismatch, $"The plaintext is {plainDigest.BytesProcessed} bytes long, not the {known.Size} bytes its known digest covers.");
        }

        var manifest = new SealManifest(
            known?.Sha256 ?? Convert.ToHexStringLower(plainDigest.Digest),
            plainDigest.BytesProcessed,
            Convert.ToHexStringLower(cipherDigest.Digest),
            cipherDigest.BytesProcessed,
            options.Armor,
            recipients.Select(r => r.ToString()!).ToList(),
            signer.PublicKey.VerifierKey,
            Timestamps.Now(options.Clock),
            options.Context ?? new Dictionary<string, string>());
        return SignedJson.AddSignature(manifest.ToJson(), signer);
    }

    /// <summary>
    /// Decrypts <paramref name="ciphertext"/> into <paramref name="plaintext"/>, checking it against
    /// a manifest already verified with <see cref="SealManifest.FromSignedJson"/>. Throws on any
    /// mismatch; the caller must then discard everything written to <paramref name="plaintext"/>.
    /// </summary>
    /// <exception cref="AgeException">The age file cannot be decrypted.</exception>
    /// <exception cref="SealException">Digests or sizes differ from the manifest.</exception>
    public static async Task OpenAsync(
        Stream ciphertext,
        Stream plaintext,
        IReadOnlyList<IIdentity> identities,
        SealManifest? manifest,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        // Without a manifest there is nothing to compare, so bytes are only counted, not hashed.
        var verify = manifest is not null;
        await using var cipherDigest = new DigestingStream(ciphertext, leaveOpen: true, computeDigest: verify) { Progress = progress };
        await using var plainDigest = new DigestingStream(plaintext, leaveOpen: true, computeDigest: verify);
        await AgeDecryptor.DecryptAsync(cipherDigest, plainDigest, identities, cancellationToken).ConfigureAwait(false);
        await plainDigest.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return;
        }

        // The decryptor may stop at the end of the age payload; the manifest covers every byte.
        await DrainAsync(cipherDigest, cancellationToken).ConfigureAwait(false);
        if (cipherDigest.BytesProcessed != manifest.CiphertextSize || Convert.ToHexStringLower(cipherDigest.Digest) != manifest.CiphertextSha256)
        {
            throw new SealException(SealFailure.CiphertextMismatch, "The encrypted file is not the one the manifest describes (SHA-256 or size differs).");
        }
        if (plainDigest.BytesProcessed != manifest.PlaintextSize || Convert.ToHexStringLower(plainDigest.Digest) != manifest.PlaintextSha256)
        {
            throw new SealException(SealFailure.PlaintextMismatch, "The decrypted content is not the one the manifest describes (SHA-256 or size differs).");
        }
    }

    private static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }
}
