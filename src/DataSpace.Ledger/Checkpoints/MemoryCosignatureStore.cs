using System.Collections.Concurrent;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>Cosignatures in memory, lost on restart: for tests.</summary>
public sealed class MemoryCosignatureStore : ICosignatureStore
{
    private readonly ConcurrentDictionary<(ulong Size, string Witness), string> _notes = new();

    /// <inheritdoc/>
    public Task SaveAsync(AcceptedCosignature cosignature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cosignature);
        _notes[(cosignature.Size, cosignature.Witness)] = cosignature.Note;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> LoadAsync(ulong size, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _notes.Where(p => p.Key.Size == size).Select(p => p.Value)]);
}
