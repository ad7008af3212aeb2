namespace DataSpace.Ledger.Logs;

/// <summary>What <see cref="SyntheticLedger.GenerateAsync"/> wrote.</summary>
/// <param name="Entries">Entries in the log.</param>
/// <param name="Participants">Participants registered, the operator included.</param>
/// <param name="Checkpoints">Checkpoints signed.</param>
/// <param name="Origin">The log's origin.</param>
/// <param name="LogKey">The log's verifier key.</param>
/// <param name="RootHash">The root of the final tree.</param>
public sealed record SyntheticLedgerSummary(ulong Entries, int Participants, int Checkpoints, string Origin, string LogKey, byte[] RootHash);
