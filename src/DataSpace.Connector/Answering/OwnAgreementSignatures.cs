using System.Security.Cryptography;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using Microsoft.Extensions.Caching.Memory;

namespace DataSpace.Connector.Answering;

/// <summary>
/// The agreements this provider signed and has not yet finalized: each signature it made, with the
/// SHA-256 of what it signed. When the agreement comes back countersigned to be finalized,
/// recognising the provider's own signature then costs a hash instead of signing it again. An
/// agreement it does not remember (after a restart, beyond the bound, or past the hold) is
/// recognised by signing again, as before: the memory changes what the check costs, never its answer.
/// </summary>
internal sealed class OwnAgreementSignatures : IDisposable
{
    // A negotiation finalizes seconds after its agreement; the bound keeps abandoned ones from piling up.
    private const int Capacity = 65_536;
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _signed = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>Remembers the signature <paramref name="signer"/> put on <paramref name="agreement"/>.</summary>
    public void Remember(LedgerEntry agreement, Ed25519Signer signer)
    {
        if (SignatureOf(agreement, signer) is { } signature)
        {
            _signed.Set(signature, SHA256.HashData(agreement.SigningInput.Span), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Hold });
        }
    }

    /// <summary>True when <paramref name="agreement"/> carries <paramref name="signer"/>'s own signature over its content (as <see cref="LedgerEntry.IsSignedBy(Ed25519Signer)"/>).</summary>
    public bool Recognises(LedgerEntry agreement, Ed25519Signer signer)
    {
        if (SignatureOf(agreement, signer) is not { } signature)
        {
            return false;
        }
        if (_signed.TryGetValue(signature, out byte[]? signedDigest) && signedDigest.AsSpan().SequenceEqual(SHA256.HashData(agreement.SigningInput.Span)))
        {
            _signed.Remove(signature);
            return true;
        }
        return agreement.IsSignedBy(signer);
    }

    public void Dispose() => _signed.Dispose();

    private static string? SignatureOf(LedgerEntry agreement, Ed25519Signer signer) =>
        agreement.SignatureBy(signer.PublicKey.KeyId) is { } own ? Convert.ToBase64String(own.Signature) : null;
}
