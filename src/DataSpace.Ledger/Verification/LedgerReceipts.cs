using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Proofs;

namespace DataSpace.Ledger.Verification;

/// <summary>
/// Offline receipts (c2sp.org/tlog-proof@v1) made from a ledger directory without its keys, and
/// their verification. A receipt is the inclusion proof of one entry (RFC 9162 §2.1.3) in the tree
/// of a checkpoint the log signed; its <c>extra</c> line carries the entry's canonical bytes,
/// which the proof authenticates (unauthenticated until then, as the spec says of extra data).
/// </summary>
public static class LedgerReceipts
{
    /// <summary>
    /// Makes the receipt of entry <paramref name="index"/> against the stored checkpoint of
    /// <paramref name="size"/> entries, or the largest stored checkpoint when no size is given.
    /// Refuses when the leaves are damaged or the checkpoint is not the log's or does not match.
    /// </summary>
    public static Task<ReceiptResult> CreateAsync(string directory, ulong index, ulong? size = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return Task.Run(() => Create(directory, index, size, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Checks a receipt against the log's key: the checkpoint is for the key's origin and signed
    /// by it, and the entry (given, or carried in <c>extra</c>) is the leaf at the stated index.
    /// </summary>
    public static ReceiptCheck Verify(string receipt, Ed25519PublicKey logKey, byte[]? entry = null)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(logKey);
        TlogProof proof;
        Checkpoint head;
        try
        {
            proof = TlogProof.Parse(receipt);
            head = Checkpoint.Parse(Notes.SignedNote.Parse(proof.CheckpointNote).Text);
        }
        catch (FormatException e)
        {
            return new ReceiptCheck(ReceiptStatus.Malformed, $"not a tlog-proof receipt: {e.Message}", 0, 0, null);
        }
        var bytes = entry ?? proof.Extra;
        if (bytes is null)
        {
            return new ReceiptCheck(ReceiptStatus.Malformed, "the receipt carries no entry (no extra line) and none was given", proof.Index, head.Size, null);
        }
        LedgerEntry.TryParse(bytes, out var parsed);
        var verdict = TlogProofVerifier.Verify(receipt, bytes, logKey.Name, LogKeys.ToNoteVerifier(logKey));
        return verdict.IsValid
            ? new ReceiptCheck(ReceiptStatus.Verified, null, proof.Index, head.Size, parsed)
            : new ReceiptCheck(ReceiptStatus.Invalid, verdict.Reason, proof.Index, head.Size, parsed);
    }

    private static ReceiptResult Create(string directory, ulong index, ulong? size, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return new ReceiptResult(null, $"there is no ledger directory {directory}");
        }
        if (!LogKeys.TryRead(Path.Combine(directory, LedgerLayout.LogKeyFile), out var logKey, out var keyError))
        {
            return new ReceiptResult(null, keyError);
        }
        var violations = new List<LedgerViolation>();
        var tree = new InMemoryHashStore();
        byte[]? leaf = null;
        var count = new SegmentReader(Path.Combine(directory, LedgerLayout.LeavesDirectory), violations).Read((first, chunk) =>
        {
            if (index >= first && index - first < (ulong)chunk.Count)
            {
                leaf = chunk[(int)(index - first)].Bytes;
            }
            foreach (var item in chunk)
            {
                tree.Append(item.Hash);
            }
        }, null, cancellationToken);
        if (violations.Count > 0)
        {
            return new ReceiptResult(null, $"the ledger's leaf files are damaged ({violations[0]}); run 'dataspace audit'");
        }
        if (leaf is null)
        {
            return new ReceiptResult(null, $"entry {index} does not exist: the ledger holds {count} entries");
        }
        var checkpoints = CheckpointAudit.Check(Path.Combine(directory, LedgerLayout.CheckpointsDirectory), logKey!, tree, count, [])
            .Where(c => c.Size <= count && MerkleTree.RootHash(c.Size, tree).AsSpan().SequenceEqual(c.Root))
            .ToList();
        var chosen = size is { } wanted ? checkpoints.FirstOrDefault(c => c.Size == wanted) : checkpoints.MaxBy(c => c.Size);
        if (chosen is null)
        {
            var available = checkpoints.Count == 0 ? "none" : string.Join(", ", checkpoints.Select(c => c.Size).Distinct().Order().TakeLast(5));
            return new ReceiptResult(null, size is null ? "the ledger has no valid checkpoint" : $"there is no valid checkpoint of size {size} (largest sizes: {available})");
        }
        if (chosen.Size <= index)
        {
            return new ReceiptResult(null, $"entry {index} is not covered by the checkpoint of size {chosen.Size}");
        }
        var note = chosen.Signed.Note.Format();
        return new ReceiptResult(new TlogProof(index, MerkleTree.InclusionProof(index, chosen.Size, tree), note, leaf), null);
    }
}
