using Azure.Storage.Blobs;
using DataSpace.Testing;

namespace DataSpace.Storage.Tests.Support;

/// <summary>A container name of its own on the test run's Azurite (not created: the store does that), deleted afterwards.</summary>
internal sealed class AzuriteContainer : IAsyncDisposable
{
    public BlobContainerClient Client { get; } = new(Azurite.ConnectionString, "blobs-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}
