using DataSpace.Core.Results;
using DataSpace.Crypto.Sealing;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// What the consumer expects of a transfer's seal manifest before it keeps a byte: signed by the
/// provider's registered key, about this agreement, transfer, asset and consumer, encrypted to
/// this consumer's recipient alone, and describing exactly the bytes that arrived.
/// </summary>
/// <param name="Provider">The provider's registered verifier key.</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="TransferId">The transfer.</param>
/// <param name="AssetId">The asset of the agreement.</param>
/// <param name="Consumer">This participant.</param>
/// <param name="Recipient">This participant's age recipient (<c>age1…</c>).</param>
internal sealed record ManifestExpectation(Ed25519PublicKey Provider, string AgreementId, string TransferId, string AssetId, string Consumer, string Recipient)
{
    /// <summary>Verifies the signature and reads the manifest; throws <see cref="SealException"/> when the signature fails or the manifest is malformed.</summary>
    public SealManifest Open(System.Text.Json.Nodes.JsonObject signed) => SealManifest.FromSignedJson(signed, Provider);

    /// <summary>Checks a verified manifest against this transfer and the digests computed while receiving; throws <see cref="SealException"/> or <see cref="TransferFault"/>.</summary>
    public void Check(SealManifest manifest, ReceivedDigests received)
    {
        var expected = TransferManifests.Context(AgreementId, TransferId, AssetId, Consumer);
        if (manifest.Context.Count != expected.Count || expected.Any(p => !manifest.Context.TryGetValue(p.Key, out var value) || value != p.Value))
        {
            throw new TransferFault(Error.Forbidden($"The provider's manifest is not about transfer {TransferId} of agreement {AgreementId} (asset {AssetId}, consumer {Consumer})."));
        }
        if (manifest.Armored || manifest.Recipients.Count != 1 || manifest.Recipients[0] != Recipient)
        {
            throw new TransferFault(Error.Forbidden("The provider's manifest does not describe a binary age file encrypted to this consumer alone."));
        }
        if (manifest.CiphertextSize != received.CiphertextSize || manifest.CiphertextSha256 != received.CiphertextSha256)
        {
            throw new SealException(SealFailure.CiphertextMismatch, "The data received is not the age file the provider's manifest describes (SHA-256 or size differs).");
        }
        if (manifest.PlaintextSize != received.PlaintextSize || manifest.PlaintextSha256 != received.PlaintextSha256)
        {
            throw new SealException(SealFailure.PlaintextMismatch, "The decrypted content is not the one the provider's manifest describes (SHA-256 or size differs).");
        }
    }
}
