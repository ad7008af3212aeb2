using System.Text.Json;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Crypto.Json;

namespace DataSpace.Crypto.Signatures;

/// <summary>
/// Domain records sent as signed JSON messages between services (the broker's negotiation
/// callbacks, the provider's counter-offers and finalizes), written from and read into records through bytes only: the
/// record is serialised once and canonicalised from the text, the message is checked on its parsed
/// document and read from exactly the bytes that were signed. No node tree is built on either side.
/// </summary>
public static class SignedRecords
{
    /// <summary>The record as a message signed by <paramref name="signer"/> (UTF-8 JSON).</summary>
    public static byte[] Write<T>(T record, Ed25519Signer signer) =>
        SignedJson.SignContent(CanonicalJson.Canonicalize(DomainJson.ToCanonicalOrderUtf8(record)), signer);

    /// <summary>
    /// The record in <paramref name="message"/> if <paramref name="signer"/> signed it; otherwise the
    /// error <paramref name="unsigned"/> makes of the signature check's verdict.
    /// </summary>
    public static Result<T> Read<T>(JsonElement message, Ed25519PublicKey signer, string what, Func<SignatureVerification, Error> unsigned)
        where T : class
    {
        var verification = SignedJson.Verify(message, new VerifierKeyRing([signer]), [signer.KeyId], out var content);
        return verification.IsValid ? DomainJson.Read<T>(content, what) : unsigned(verification);
    }
}
