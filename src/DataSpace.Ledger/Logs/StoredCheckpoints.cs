using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Logs;

/// <summary>
/// What a reopening log checks before it signs anything new: every stored checkpoint is its own,
/// covers only durable entries and matches the tree. A log that signed a head it can no longer
/// show would otherwise fork its own history with the next checkpoint.
/// </summary>
internal static class StoredCheckpoints
{
    public static async Task<SignedCheckpoint?> LatestAsync(ICheckpointStore store, Ed25519PublicKey logKey, ILedgerStore leaves, CancellationToken cancellationToken)
    {
        var verifier = LogKeys.ToNoteVerifier(logKey);
        SignedCheckpoint? latest = null;
        foreach (var note in await store.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            var verdict = SignedCheckpoint.Open(note, logKey.Name, verifier, out var checkpoint);
            if (!verdict.IsValid)
            {
                throw new InvalidDataException($"A stored checkpoint is not this log's: {verdict.Reason}.");
            }
            var head = checkpoint!.Checkpoint;
            if (head.Size > leaves.Size)
            {
                throw new InvalidDataException($"The checkpoint of size {head.Size} covers more than the {leaves.Size} durable entries.");
            }
            if (!MerkleTree.RootHash(head.Size, leaves.Hashes).AsSpan().SequenceEqual(head.RootHash))
            {
                throw new InvalidDataException($"The checkpoint of size {head.Size} does not match the stored entries.");
            }
            if (latest is null || head.Size > latest.Checkpoint.Size)
            {
                latest = checkpoint;
            }
        }
        return latest;
    }
}
