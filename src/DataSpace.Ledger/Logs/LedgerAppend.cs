using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Logs;

/// <summary>The outcome of an append: the index of the durable entry, or why the log refused it.</summary>
/// <param name="Verdict">Accepted, or the refusal with its reason.</param>
/// <param name="Index">The entry's index once durable; null when refused.</param>
/// <param name="Checkpoint">The checkpoint this append completed (every <see cref="LedgerLogOptions.CheckpointInterval"/> entries), if any.</param>
public sealed record LedgerAppend(EntryVerdict Verdict, ulong? Index, SignedCheckpoint? Checkpoint)
{
    /// <summary>True when the entry is in the log, durably.</summary>
    public bool IsAccepted => Verdict.IsAccepted;
}
