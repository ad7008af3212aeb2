namespace DataSpace.Ledger.Checkpoints;

/// <summary>What a witness made of the log's checkpoint (<see cref="CheckpointCosigning.Cosign"/>).</summary>
/// <param name="Outcome">Cosigned, or why not.</param>
/// <param name="Note">When cosigned: the checkpoint note as the log signed it with the witness's cosignature line appended, to post back to the log.</param>
/// <param name="Reason">Why the witness refused; null when cosigned.</param>
public sealed record CosignedCheckpoint(WitnessOutcome Outcome, string? Note, string? Reason)
{
    /// <summary>True when cosigned.</summary>
    public bool IsCosigned => Outcome == WitnessOutcome.Cosigned;

    /// <summary>
    /// True when the log could not prove this checkpoint extends the one the witness cosigned
    /// last: it may be showing another history to someone else. Stop trusting it and report.
    /// </summary>
    public bool IsSplitView => Outcome == WitnessOutcome.Inconsistent;
}
