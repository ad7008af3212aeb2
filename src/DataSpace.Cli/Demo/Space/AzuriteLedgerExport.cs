using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Logs;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Copies a ledger the broker kept in Azure Blob Storage into a ledger directory that
/// <c>dataspace audit</c> reads (docs/formats.md, "Azure ledger store"): the segment append blobs
/// byte for byte into <c>leaves/</c> (same segment format), the checkpoint notes into
/// <c>checkpoints/</c>, and the log and operator keys (the broker's) as <c>log.vkey</c> and
/// <c>operator.vkey</c>. Nothing is re-signed or rebuilt: the auditor checks what Azure held.
/// </summary>
internal static class AzuriteLedgerExport
{
    private const string SegmentPrefix = "ledger/";
    private const string CheckpointPrefix = "checkpoints/";

    public static async Task ExportAsync(string connectionString, string container, string brokerKeyFile, string target, CancellationToken cancellationToken)
    {
        var client = new BlobContainerClient(connectionString, container);
        await CopyAsync(client, SegmentPrefix, Path.Combine(target, LedgerLayout.LeavesDirectory), cancellationToken);
        await CopyAsync(client, CheckpointPrefix, Path.Combine(target, LedgerLayout.CheckpointsDirectory), cancellationToken);
        using var keys = KeyFile.Parse(await File.ReadAllBytesAsync(brokerKeyFile, cancellationToken));
        LogKeys.WriteOrCheck(Path.Combine(target, LedgerLayout.LogKeyFile), keys.Signer.PublicKey);
        LogKeys.WriteOrCheck(Path.Combine(target, LedgerLayout.OperatorKeyFile), keys.Signer.PublicKey);
    }

    private static async Task CopyAsync(BlobContainerClient client, string prefix, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            var name = item.Name[prefix.Length..];
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }
            await client.GetBlobClient(item.Name).DownloadToAsync(Path.Combine(directory, name), cancellationToken);
        }
    }
}
