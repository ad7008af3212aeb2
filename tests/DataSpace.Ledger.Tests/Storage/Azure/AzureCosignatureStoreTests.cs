using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Storage.Azure;
using DataSpace.Ledger.Tests.Checkpoints;

namespace DataSpace.Ledger.Tests.Storage.Azure;

/// <summary>Cosignatures beside an Azure ledger (Azurite), in the file store's layout as blob names.</summary>
public sealed class AzureCosignatureStoreTests : CosignatureStoreContract
{
    private readonly AzuriteContainer _container = new();

    protected override ICosignatureStore Store => new AzureCosignatureStore(_container.Client);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // The broker creates its ledger's container before it serves anything.
        await _container.Client.CreateIfNotExistsAsync(cancellationToken: Token);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _container.DisposeAsync();
    }

    [Fact]
    public async Task Save_OneBlobPerSizeAndWitness_InTheFileLayout()
    {
        var accepted = await AcceptAsync(0);

        await Store.SaveAsync(accepted, Token);

        var name = $"cosignatures/{accepted.Size.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)}/{Log.Parties.Parties[0].Name}";
        var blob = await _container.Client.GetBlobClient(name).DownloadContentAsync(Token);
        Assert.Equal(accepted.Note, blob.Value.Content.ToString());
    }
}
