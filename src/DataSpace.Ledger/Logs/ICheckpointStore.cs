using DataSpace.Ledger.Checkpoints;

namespace DataSpace.Ledger.Logs;

/// <summary>Where a log keeps the checkpoints it signs, so auditors and provers find them beside the leaves.</summary>
public interface ICheckpointStore
{
    /// <summary>Stores a signed checkpoint durably. Storing the same note twice is harmless; another note of the same size is refused.</summary>
    /// <exception cref="InvalidOperationException">A different checkpoint of the same size is already stored.</exception>
    Task SaveAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Every stored checkpoint note, as text, in no particular order.</summary>
    Task<IReadOnlyList<string>> LoadAsync(CancellationToken cancellationToken = default);
}
