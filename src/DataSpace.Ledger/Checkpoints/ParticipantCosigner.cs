using System.Security.Cryptography;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// How a participant witnesses the space's log (c2sp.org/tlog-cosignature): its cosigner key is
/// its registered Ed25519 participant key, used as a cosignature/v1 key (signature type 0x04) and
/// named by its participant id. The registrations the ledger already holds thus say whose every
/// cosignature is; no second key is issued, registered or rotated.
/// </summary>
/// <remarks>
/// The key ID hashes the type byte in (c2sp.org/signed-note), so the cosigner key's ID differs
/// from the same key's plain note key (type 0x01), and a cosignature can never pass for a note
/// signature. Reusing the key across protocols is safe because every message is domain
/// separated: a cosignature signs <c>cosignature/v1\n…</c>, a ledger entry signs canonical JSON
/// starting with <c>{</c>, and only the log's key signs checkpoint text.
/// </remarks>
public static class ParticipantCosigner
{
    /// <summary>The cosigner verifier key of a participant: type 0x04, named by its participant id.</summary>
    public static NoteVerifier Verifier(Ed25519PublicKey participantKey)
    {
        ArgumentNullException.ThrowIfNull(participantKey);
        return NoteVerifier.Create(participantKey.Name, NoteSignatureType.CosignatureV1, participantKey.Key);
    }

    /// <summary>The cosigner a participant witnesses with (for a <see cref="Witness"/>); dispose it when done.</summary>
    public static NoteSigner Signer(Ed25519Signer participantKey)
    {
        ArgumentNullException.ThrowIfNull(participantKey);
        var seed = participantKey.ExportSeed();
        try
        {
            return NoteSigner.FromSeed(participantKey.Name, seed, NoteSignatureType.CosignatureV1);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
