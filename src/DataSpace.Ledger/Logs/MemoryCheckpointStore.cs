using System.Collections.Concurrent;
using DataSpace.Ledger.Checkpoints;

namespace DataSpace.Ledger.Logs;

/// <summary>Checkpoints kept in memory, for tests and for logs over a <c>MemoryLedgerStore</c>.</summary>
public sealed class MemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<ulong, string> _notes = new();

    /// <inheritdoc/>
    public Task SaveAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var text = checkpoint.Note.Format();
        var stored = _notes.GetOrAdd(checkpoint.Checkpoint.Size, text);
        return stored == text ? Task.CompletedTask
            : throw new InvalidOperationException($"A different checkpoint of size {checkpoint.Checkpoint.Size} is already stored.");
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> LoadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _notes.Values]);
}
