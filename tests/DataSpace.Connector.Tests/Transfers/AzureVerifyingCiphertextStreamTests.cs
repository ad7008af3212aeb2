using DataSpace.Storage;
using DataSpace.Storage.Azure;
using DataSpace.Testing;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>The contract on Azure Blob Storage (Azurite).</summary>
public sealed class AzureVerifyingCiphertextStreamTests : VerifyingCiphertextStreamContract, IAsyncDisposable
{
    private readonly AzureBlobStore _store = new(Azurite.ConnectionString, "transfers-" + Guid.NewGuid().ToString("N")[..20]);

    protected override IBlobStore Store => _store;

    public async ValueTask DisposeAsync() => await _store.Container.DeleteIfExistsAsync();
}
