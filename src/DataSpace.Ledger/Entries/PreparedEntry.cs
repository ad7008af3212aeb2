using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>An entry with the key for each of its signatures resolved, ready for the (parallel) signature check.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Keys">The key of each signature, in signature order.</param>
/// <param name="Registration">The registration body when the entry registers a participant.</param>
internal sealed record PreparedEntry(LedgerEntry Entry, Ed25519PublicKey[] Keys, ParticipantRegistration? Registration)
{
    /// <summary>
    /// Verifies every signature over the signing input (RFC 8032 §5.1.7). Pure and thread-safe:
    /// this is the expensive step, so the log and the auditor run it concurrently. A signature this
    /// process already verified on the same entry object is not verified again.
    /// </summary>
    public EntryVerdict VerifySignatures()
    {
        for (var i = 0; i < Keys.Length; i++)
        {
            if (!Entry.Verifies(Entry.Signatures[i], Keys[i]))
            {
                return EntryVerdict.Refuse(EntryFault.InvalidSignature, $"the signature by {Keys[i].KeyId} does not match the entry's content");
            }
        }
        return EntryVerdict.Accepted;
    }
}
