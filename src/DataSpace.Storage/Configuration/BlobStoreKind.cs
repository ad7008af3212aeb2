namespace DataSpace.Storage.Configuration;

/// <summary>Which blob store a connector uses.</summary>
public enum BlobStoreKind
{
    /// <summary>The embedded store in a local directory (<see cref="FileSystem.FileSystemBlobStore"/>).</summary>
    FileSystem,

    /// <summary>Azure Blob Storage, or Azurite locally (<see cref="Azure.AzureBlobStore"/>).</summary>
    AzureBlob,
}
