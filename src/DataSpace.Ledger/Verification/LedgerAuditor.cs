using System.Diagnostics;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Verification;

/// <summary>
/// Audits a ledger directory offline and reports every violation with its entry index or
/// checkpoint size; nothing in the directory is trusted or changed. Steps:
/// 1. learn the log and operator keys (pinned by the caller, else from the key files);
/// 2. read every leaf record strictly (framing, checksums, segment continuity);
/// 3. check every entry as the log would: canonical form, signatures by keys registered before
///    it, registrations, replays and the domain rules — signatures checked in parallel;
/// 4. rebuild the Merkle tree from the leaves;
/// 5. check every checkpoint against it (<see cref="CheckpointAudit"/>).
/// </summary>
public static class LedgerAuditor
{
    /// <summary>Total size of the leaf files, so a caller can show progress in bytes.</summary>
    public static long LeafBytes(string directory) => SegmentReader.TotalBytes(Path.Combine(directory, LedgerLayout.LeavesDirectory));

    /// <summary>Audits the ledger in <paramref name="directory"/>.</summary>
    /// <param name="directory">The ledger directory (<see cref="LedgerLayout"/>).</param>
    /// <param name="options">What to trust; defaults trust the key files in the directory.</param>
    /// <param name="bytesRead">Progress: leaf bytes read so far.</param>
    /// <param name="cancellationToken">Stops the audit.</param>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static Task<AuditReport> AuditAsync(string directory, LedgerAuditOptions? options = null, IProgress<long>? bytesRead = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"There is no ledger directory {directory}.");
        }
        options ??= new LedgerAuditOptions();
        return Task.Run(() => Audit(directory, options, bytesRead, cancellationToken), cancellationToken);
    }

    private static AuditReport Audit(string directory, LedgerAuditOptions options, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var violations = new List<LedgerViolation>();

        // Step 1: keys.
        var logKey = TrustedKey(directory, LedgerLayout.LogKeyFile, options.TrustedLogKey, violations);
        var operatorKey = TrustedKey(directory, LedgerLayout.OperatorKeyFile, options.TrustedOperatorKey, violations);

        // Steps 2-4: leaves, entries and the tree, chunk by chunk.
        var admission = new EntryAdmission(operatorKey, [.. options.Rules.Select(f => f())]);
        var entryViolations = new List<LedgerViolation>();
        var replay = new EntryReplay(admission, entryViolations, options.MaxDegreeOfParallelism);
        var tree = new InMemoryHashStore();
        var reader = new SegmentReader(Path.Combine(directory, LedgerLayout.LeavesDirectory), violations);
        var size = reader.Read((first, chunk) =>
        {
            replay.Process(first, chunk);
            foreach (var leaf in chunk)
            {
                tree.Append(leaf.Hash);
            }
        }, bytesRead is null ? null : bytesRead.Report, cancellationToken);
        violations.AddRange(entryViolations);

        // Step 5: checkpoints.
        var checkpoints = logKey is null ? [] : CheckpointAudit.Check(Path.Combine(directory, LedgerLayout.CheckpointsDirectory), logKey, tree, size, violations);
        var covered = checkpoints.Where(c => c.Size <= size).Select(c => (ulong?)c.Size).Max();
        var files = Directory.Exists(Path.Combine(directory, LedgerLayout.CheckpointsDirectory))
            ? Directory.GetFiles(Path.Combine(directory, LedgerLayout.CheckpointsDirectory)).Count(f => !Path.GetFileName(f).StartsWith('.'))
            : 0;

        var ordered = violations
            .OrderBy(v => v.Index ?? ulong.MaxValue)
            .ThenBy(v => v.CheckpointSize ?? ulong.MaxValue)
            .ToList();
        return new AuditReport(logKey?.Name, logKey?.VerifierKey, size, admission.Participants.Count, files,
            checkpoints.Select(c => (ulong?)c.Size).Max(), MerkleTree.RootHash(size, tree), size - (covered ?? 0), ordered, clock.Elapsed);
    }

    private static Ed25519PublicKey? TrustedKey(string directory, string file, Ed25519PublicKey? pinned, List<LedgerViolation> violations)
    {
        var path = Path.Combine(directory, file);
        if (!LogKeys.TryRead(path, out var stored, out var error))
        {
            violations.Add(new LedgerViolation(ViolationKind.LedgerMetadata, null, null, null, null, $"{file}: {error}"));
            return pinned;
        }
        if (pinned is not null && !pinned.Equals(stored))
        {
            violations.Add(new LedgerViolation(ViolationKind.LedgerMetadata, null, null, null, null, $"{file} holds {stored!.VerifierKey}, not the trusted key {pinned.VerifierKey}"));
            return pinned;
        }
        return stored;
    }
}
