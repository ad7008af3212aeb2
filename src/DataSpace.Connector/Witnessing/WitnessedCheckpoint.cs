using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Notes;

namespace DataSpace.Connector.Witnessing;

/// <summary>A checkpoint of the broker's ledger that this connector verified, found consistent with everything it saw before, and cosigned.</summary>
/// <param name="Checkpoint">The checkpoint (origin, size, root hash).</param>
/// <param name="Note">The signed note with the broker's signature and this connector's cosignature line appended.</param>
/// <param name="Cosignature">This connector's cosignature/v1 line (c2sp.org/tlog-cosignature).</param>
internal sealed record WitnessedCheckpoint(Checkpoint Checkpoint, string Note, NoteSignature Cosignature);
