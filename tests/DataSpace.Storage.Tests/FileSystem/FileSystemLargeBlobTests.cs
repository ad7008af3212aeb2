using DataSpace.Storage.FileSystem;
using DataSpace.Storage.Tests.Support;

namespace DataSpace.Storage.Tests.FileSystem;

[Collection(nameof(LargeBlobContract))]
public sealed class FileSystemLargeBlobTests : LargeBlobContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public FileSystemLargeBlobTests()
    {
        Store = new FileSystemBlobStore(_directory.Path);
    }

    protected override IBlobStore Store { get; }

    public void Dispose() => _directory.Dispose();
}
