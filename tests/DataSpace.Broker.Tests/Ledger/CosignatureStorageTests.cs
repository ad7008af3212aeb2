using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using DataSpace.Broker.Hosting;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Logs;
using DataSpace.TestSpace;
using DataSpace.Testing;

namespace DataSpace.Broker.Tests.Ledger;

/// <summary>
/// Cosignatures are kept beside the ledger: with the Azure ledger, as blobs in its container, so
/// they outlive the broker's data directory and every replica of the broker sees them.
/// </summary>
public sealed class CosignatureStorageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_Azure_ledger_a_cosignature_is_a_blob_in_its_container_and_served_after_a_restart()
    {
        var container = "ledger-" + Guid.NewGuid().ToString("N")[..20];
        await using var space = await TestSpace.TestSpace.StartAsync(
            new SpaceSettings { LedgerOnAzurite = true, Broker = new Dictionary<string, string> { ["Broker:Ledger:Container"] = container } }, Token);
        var witness = await space.AddAsync("88.608.2002", TestSpace.TestSpace.Enterprise("Parts"), withConnector: false, cancellationToken: Token);

        var checkpoint = await witness.Broker.GetStringAsync("ledger/checkpoint", Token);
        using var brokerKeys = KeyFile.Parse(await File.ReadAllBytesAsync(Path.Combine(space.Broker.DataDirectory, BrokerKeys.FileName), Token));
        var cosigner = new Witness(ParticipantCosigner.Signer(witness.Keys.Signer), checkpoint.Split('\n')[0], LogKeys.ToNoteVerifier(brokerKeys.Signer.PublicKey));
        var cosigned = CheckpointCosigning.Cosign(cosigner, checkpoint, null);
        var posted = await witness.Broker.PostAsJsonAsync("ledger/cosignatures", new JsonObject { ["checkpoint"] = cosigned.Note }, Token);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var size = ulong.Parse(checkpoint.Split('\n')[1], CultureInfo.InvariantCulture);
        var blob = new BlobContainerClient(Azurite.ConnectionString, container).GetBlobClient($"cosignatures/{LedgerLayout.CheckpointFileName(size)}/{witness.Id}");
        Assert.True(await blob.ExistsAsync(Token));
        Assert.False(Directory.Exists(Path.Combine(space.Broker.DataDirectory, FileCosignatureStore.DirectoryName)));

        await space.RestartBrokerAsync(Token);
        var served = await witness.Broker.GetStringAsync($"ledger/checkpoint/cosigned?size={size}", Token);
        Assert.Contains($"\u2014 {witness.Id} ", served, StringComparison.Ordinal);
    }
}
