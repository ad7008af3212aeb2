namespace DataSpace.Ledger.Verification;

/// <summary>What an audit of a ledger directory found.</summary>
/// <param name="Origin">The log's origin (its key's name), when known.</param>
/// <param name="LogKey">The verifier key the checkpoints were checked against, when known.</param>
/// <param name="Entries">Number of entries read.</param>
/// <param name="Participants">Number of participants registered.</param>
/// <param name="Checkpoints">Number of checkpoint files read.</param>
/// <param name="LatestCheckpointSize">Size of the largest validly signed checkpoint, if any.</param>
/// <param name="RootHash">The RFC 6962 root of the rebuilt tree of all entries.</param>
/// <param name="UncoveredEntries">Entries beyond the largest checkpoint: read and checked, but not yet vouched for by the log's signature.</param>
/// <param name="Violations">Every problem found, ordered by entry index, then checkpoint size.</param>
/// <param name="Elapsed">Wall time of the audit.</param>
public sealed record AuditReport(
    string? Origin,
    string? LogKey,
    ulong Entries,
    int Participants,
    int Checkpoints,
    ulong? LatestCheckpointSize,
    byte[] RootHash,
    ulong UncoveredEntries,
    IReadOnlyList<LedgerViolation> Violations,
    TimeSpan Elapsed)
{
    /// <summary>True when nothing is wrong: every entry, record and checkpoint verified.</summary>
    public bool IsValid => Violations.Count == 0;
}
