using DataSpace.Ledger.Checkpoints;

namespace DataSpace.Ledger.Verification;

/// <summary>A checkpoint read from a file and validly signed by the log.</summary>
/// <param name="Name">The file it came from.</param>
/// <param name="Signed">The checkpoint and its note.</param>
internal sealed record CheckpointFile(string Name, SignedCheckpoint Signed)
{
    public ulong Size => Signed.Checkpoint.Size;

    public byte[] Root => Signed.Checkpoint.RootHash;
}
