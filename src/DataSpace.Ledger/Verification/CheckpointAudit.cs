using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Verification;

/// <summary>
/// The checkpoint half of an audit, over the tree rebuilt from the entries (as Tessera's fsck):
/// 1. every file in <c>checkpoints/</c> must be a signed note carrying a C2SP checkpoint for the
///    log's origin, signed by the log's key (c2sp.org/tlog-checkpoint, c2sp.org/signed-note);
/// 2. no two signed checkpoints of one size may differ (a split view);
/// 3. each must cover only entries the ledger holds, and its root must equal the rebuilt root at
///    its size (RFC 9162 §2.1.1) — a mismatch places the damage after the last matching checkpoint;
/// 4. consecutive checkpoints must be consistent (RFC 9162 §2.1.4.2), checked with the proof the
///    log would serve.
/// </summary>
internal static class CheckpointAudit
{
    public static List<CheckpointFile> Check(string directory, Ed25519PublicKey logKey, IHashReader tree, ulong size, List<LedgerViolation> violations)
    {
        // Step 1: read and open every file.
        var valid = ReadSigned(directory, logKey, violations);

        // Step 2: one root per size.
        foreach (var group in valid.GroupBy(c => c.Size).Where(g => g.Select(c => Convert.ToBase64String(c.Root)).Distinct().Count() > 1))
        {
            violations.Add(LedgerViolation.AtCheckpoint(ViolationKind.SplitView, group.Key,
                $"the log signed different roots for size {group.Key} ({string.Join(", ", group.Select(c => c.Name))}): two histories"));
        }

        // Step 3: each checkpoint against the rebuilt tree, in size order.
        ulong matched = 0;
        var good = new List<CheckpointFile>();
        foreach (var checkpoint in valid.OrderBy(c => c.Size).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            if (checkpoint.Size > size)
            {
                // The missing tail is certain; entries after the last matching checkpoint cannot
                // be checked against this one either, so the first difference may lie among them.
                violations.Add(LedgerViolation.AtCheckpoint(ViolationKind.MissingEntries, checkpoint.Size,
                    $"checkpoint {checkpoint.Name} covers {checkpoint.Size} entries but the ledger holds {size}: entries {size}-{checkpoint.Size - 1} are missing"
                        + (matched < size ? $" and entries {matched}-{size - 1} are unverified against it" : ""),
                    matched, checkpoint.Size - 1));
            }
            else if (!MerkleTree.RootHash(checkpoint.Size, tree).AsSpan().SequenceEqual(checkpoint.Root))
            {
                violations.Add(LedgerViolation.AtCheckpoint(ViolationKind.CheckpointRoot, checkpoint.Size,
                    $"the entries do not hash to the root of checkpoint {checkpoint.Name}; the first difference lies in entries {matched}-{checkpoint.Size - 1}",
                    matched, checkpoint.Size - 1));
            }
            else
            {
                matched = checkpoint.Size;
                good.Add(checkpoint);
            }
        }

        // Step 4: consistency of consecutive matching checkpoints.
        for (var i = 1; i < good.Count; i++)
        {
            var (older, newer) = (good[i - 1], good[i]);
            if (older.Size == 0 || older.Size == newer.Size)
            {
                continue;
            }
            var proof = MerkleTree.ConsistencyProof(older.Size, newer.Size, tree);
            var verdict = MerkleVerifier.VerifyConsistency(older.Size, newer.Size, proof, older.Root, newer.Root);
            if (!verdict.IsValid)
            {
                violations.Add(LedgerViolation.AtCheckpoint(ViolationKind.CheckpointInconsistent, newer.Size,
                    $"checkpoints {older.Size} and {newer.Size} are not consistent: {verdict.Reason}"));
            }
        }
        return valid;
    }

    private static List<CheckpointFile> ReadSigned(string directory, Ed25519PublicKey logKey, List<LedgerViolation> violations)
    {
        var result = new List<CheckpointFile>();
        if (!Directory.Exists(directory))
        {
            return result;
        }
        var verifier = LogKeys.ToNoteVerifier(logKey);
        foreach (var path in Directory.GetFiles(directory).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            SignedNote note;
            Checkpoint body;
            try
            {
                note = SignedNote.Parse(File.ReadAllBytes(path));
                body = Checkpoint.Parse(note.Text);
            }
            catch (FormatException e)
            {
                violations.Add(LedgerViolation.AtCheckpoint(ViolationKind.CheckpointMalformed, null, $"checkpoint file {name} is malformed: {e.Message}"));
                continue;
            }
            if (body.Origin != logKey.Name)
            {
                violations.Add(LedgerViolation.AtCheckpoint(ViolationKind.CheckpointSignature, body.Size, $"checkpoint {name} is for origin '{body.Origin}', not '{logKey.Name}'"));
                continue;
            }
            var verdict = note.Verify([verifier], out _);
            if (!verdict.IsValid)
            {
                violations.Add(LedgerViolation.AtCheckpoint(ViolationKind.CheckpointSignature, body.Size, $"checkpoint {name} is not signed by the log key: {verdict.Reason}"));
                continue;
            }
            result.Add(new CheckpointFile(name, new SignedCheckpoint(body, note)));
        }
        return result;
    }
}
