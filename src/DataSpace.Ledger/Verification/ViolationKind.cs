namespace DataSpace.Ledger.Verification;

/// <summary>The kinds of problem an audit reports.</summary>
public enum ViolationKind
{
    /// <summary>The key files are missing, unreadable, or not the key the auditor trusts.</summary>
    LedgerMetadata,

    /// <summary>A segment file has no valid header or does not start where the previous one ended.</summary>
    SegmentCorrupt,

    /// <summary>A leaf record is torn, badly framed, or its stored checksum does not match its bytes.</summary>
    RecordCorrupt,

    /// <summary>An entry would have been refused by the log's own checks: form, signatures, registration, replay (see <see cref="LedgerViolation.Fault"/>).</summary>
    EntryRefused,

    /// <summary>
    /// A well-formed, validly signed entry breaks an invariant of the space: a domain rule
    /// (<see cref="Entries.IEntryRule"/>, named by <see cref="LedgerViolation.Rule"/>) refused it,
    /// and the reason says which invariant. The entry is then left out of the rules' state, so
    /// entries that build on it may be reported too.
    /// </summary>
    InvariantBroken,

    /// <summary>A checkpoint file is not a well-formed signed checkpoint.</summary>
    CheckpointMalformed,

    /// <summary>A checkpoint is for another origin or not signed by the log's key.</summary>
    CheckpointSignature,

    /// <summary>A checkpoint covers entries the ledger does not hold: entries were dropped or truncated.</summary>
    MissingEntries,

    /// <summary>A checkpoint's root differs from the tree rebuilt from the entries: some entry in its range was altered, dropped, inserted or moved.</summary>
    CheckpointRoot,

    /// <summary>Two consecutive checkpoints are not consistent (RFC 9162 §2.1.4).</summary>
    CheckpointInconsistent,

    /// <summary>Two checkpoints of the same size have different roots: the log showed two histories (a split view).</summary>
    SplitView,
}
