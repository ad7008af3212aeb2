namespace DataSpace.Ledger.Checkpoints;

/// <summary>What a <see cref="Witness"/> did with a checkpoint.</summary>
public enum WitnessOutcome
{
    /// <summary>Verified, consistent with everything seen before, and cosigned.</summary>
    Cosigned,

    /// <summary>Malformed, for another log, or not signed by the log's key.</summary>
    InvalidCheckpoint,

    /// <summary>Smaller than the checkpoint already cosigned: the log cannot go back in time.</summary>
    Stale,

    /// <summary>
    /// Not provably consistent with the checkpoint already cosigned (bad or missing consistency
    /// proof, or the same size with another root): a possible split view.
    /// </summary>
    Inconsistent,
}
