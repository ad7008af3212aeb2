using DataSpace.Connector.Common;
using DataSpace.Connector.Hosting;

namespace DataSpace.Connector.Received;

/// <summary>
/// The consumer's records of received data (<c>DataDirectory/received-index</c>), one JSON file per
/// transfer, each written atomically. One writer per record at a time (<see cref="LockAsync"/>),
/// so a use is never counted twice nor lost.
/// </summary>
internal sealed class ReceivedIndex(ConnectorOptions options)
{
    private readonly Lock _locksGate = new();
    private readonly Dictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    private string Folder => Path.Combine(options.DataDirectory, "received-index");

    public Task SaveAsync(ReceivedRecord record, CancellationToken cancellationToken) =>
        JsonFiles.WriteAsync(PathOf(record.TransferId), record, cancellationToken);

    public Task<ReceivedRecord?> FindAsync(string transferId, CancellationToken cancellationToken) =>
        JsonFiles.ReadAsync<ReceivedRecord>(PathOf(transferId), cancellationToken);

    public async IAsyncEnumerable<ReceivedRecord> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (await JsonFiles.ReadAsync<ReceivedRecord>(file, cancellationToken).ConfigureAwait(false) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>Serialises changes to one transfer's record; dispose the result to release.</summary>
    public async Task<IDisposable> LockAsync(string transferId, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_locksGate)
        {
            if (!_locks.TryGetValue(transferId, out gate!))
            {
                _locks[transferId] = gate = new SemaphoreSlim(1, 1);
            }
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private string PathOf(string transferId) => Path.Combine(Folder, JsonFiles.SafeName(transferId));

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
