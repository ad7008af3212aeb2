using DataSpace.Storage.Azure;
using DataSpace.Storage.FileSystem;

namespace DataSpace.Storage.Configuration;

/// <summary>Makes the <see cref="IBlobStore"/> that <see cref="BlobStoreOptions"/> describe.</summary>
public static class BlobStoreFactory
{
    /// <summary>The configured store.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem
    /// <see cref="BlobStoreOptions.Validate"/> found.</exception>
    public static IBlobStore Create(BlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid blob store settings: " + string.Join(" ", problems), nameof(options));
        }
        return options.Kind switch
        {
            BlobStoreKind.AzureBlob => new AzureBlobStore(options.ConnectionString!, options.Container!),
            _ => new FileSystemBlobStore(options.Path!),
        };
    }
}
