using DataSpace.Connector.Common;
using DataSpace.Connector.Hosting;

namespace DataSpace.Connector.Transfers;

/// <summary>The consumer's transfers under way (<c>DataDirectory/transfers/receiving</c>), one JSON file per transfer, each written atomically.</summary>
internal sealed class ReceivingJournal(ConnectorOptions options)
{
    private string Folder => Path.Combine(options.DataDirectory, "transfers", "receiving");

    public Task SaveAsync(ReceivingTransfer transfer, CancellationToken cancellationToken) =>
        JsonFiles.WriteAsync(PathOf(transfer.TransferId), transfer, cancellationToken);

    public Task<ReceivingTransfer?> FindAsync(string transferId, CancellationToken cancellationToken) =>
        JsonFiles.ReadAsync<ReceivingTransfer>(PathOf(transferId), cancellationToken);

    public void Delete(string transferId)
    {
        if (File.Exists(PathOf(transferId)))
        {
            File.Delete(PathOf(transferId));
        }
    }

    private string PathOf(string transferId) => Path.Combine(Folder, JsonFiles.SafeName(transferId));
}
