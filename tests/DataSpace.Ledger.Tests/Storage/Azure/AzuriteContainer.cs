using Azure.Storage.Blobs;
using DataSpace.Testing;

namespace DataSpace.Ledger.Tests.Storage.Azure;

/// <summary>A fresh blob container on the test run's Azurite, deleted afterwards.</summary>
internal sealed class AzuriteContainer : IAsyncDisposable
{
    public AzuriteContainer()
    {
        Client = new BlobContainerClient(Azurite.ConnectionString, "ledger-" + Guid.NewGuid().ToString("N"));
    }

    public BlobContainerClient Client { get; }

    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}
