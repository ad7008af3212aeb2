using DataSpace.Connector.Common;
using DataSpace.Connector.Hosting;
using DataSpace.Core.Results;

namespace DataSpace.Connector.Transfers;

/// <summary>The provider's transfer records (<c>DataDirectory/transfers/provided</c>), one JSON file per transfer, each written atomically.</summary>
internal sealed class ProvidedTransfers(ConnectorOptions options)
{
    private readonly KeyedLocks _locks = new();

    private string Folder => Path.Combine(options.DataDirectory, "transfers", "provided");

    public Task SaveAsync(ProvidedTransfer transfer, CancellationToken cancellationToken) =>
        JsonFiles.WriteAsync(PathOf(transfer.TransferId), transfer, cancellationToken);

    public Task<ProvidedTransfer?> FindAsync(string transferId, CancellationToken cancellationToken) =>
        JsonFiles.ReadAsync<ProvidedTransfer>(PathOf(transferId), cancellationToken);

    /// <summary>The record of a transfer this provider started, or why there is none (for its operator's calls).</summary>
    public async Task<Result<ProvidedTransfer>> StartedAsync(string transferId, CancellationToken cancellationToken) =>
        await FindAsync(transferId, cancellationToken).ConfigureAwait(false) is { } known
            ? known
            : Error.NotFound($"This provider never started transfer {transferId}.");

    public void Delete(string transferId)
    {
        if (File.Exists(PathOf(transferId)))
        {
            File.Delete(PathOf(transferId));
        }
    }

    /// <summary>Serialises the steps of one transfer; dispose the result to release.</summary>
    public Task<IDisposable> LockAsync(string transferId, CancellationToken cancellationToken) => _locks.LockAsync(transferId, cancellationToken);

    private string PathOf(string transferId) => Path.Combine(Folder, JsonFiles.SafeName(transferId));
}
