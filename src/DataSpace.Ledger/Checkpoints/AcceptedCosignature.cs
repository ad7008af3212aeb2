namespace DataSpace.Ledger.Checkpoints;

/// <summary>A witness's cosignature of one of the log's checkpoints, checked by <see cref="CosignatureIntake"/>.</summary>
/// <param name="Size">The checkpoint's tree size.</param>
/// <param name="Witness">The witness: the cosigner key's name, for a participant its participant id.</param>
/// <param name="Timestamp">When the witness cosigned (POSIX seconds, from the cosignature).</param>
/// <param name="Note">The checkpoint note with exactly two signature lines: the log's, then the witness's cosignature.</param>
public sealed record AcceptedCosignature(ulong Size, string Witness, ulong Timestamp, string Note);
