using DataSpace.Storage.Azure;
using DataSpace.Storage.Tests.Support;

namespace DataSpace.Storage.Tests.Azure;

[Collection(nameof(LargeBlobContract))]
public sealed class AzureLargeBlobTests : LargeBlobContract, IAsyncDisposable
{
    private readonly AzuriteContainer _container = new();

    public AzureLargeBlobTests()
    {
        Store = new AzureBlobStore(_container.Client);
    }

    protected override IBlobStore Store { get; }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
