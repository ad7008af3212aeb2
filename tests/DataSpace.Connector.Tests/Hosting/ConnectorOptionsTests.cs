using DataSpace.Connector.Hosting;
using DataSpace.Storage;
using DataSpace.Storage.Configuration;

namespace DataSpace.Connector.Tests.Hosting;

/// <summary>A connector started without its settings hears each missing one once, not again as the defaults that hang on it.</summary>
public sealed class ConnectorOptionsTests
{
    [Fact]
    public void NoDataDirectory_IsOneProblem_NotAlsoTheFileStoresWithoutAPath()
    {
        var problems = new ConnectorOptions().Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Connector:DataDirectory is required", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("Path is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AStoreSetUpWrongly_IsStillReported_WithoutADataDirectory()
    {
        var options = new ConnectorOptions
        {
            Assets = new BlobStoreOptions { Kind = BlobStoreKind.AzureBlob },
            Received = new BlobStoreOptions { Path = "bad\0path" },
        };

        var problems = options.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Connector:Assets: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Connector:Received: Path ", StringComparison.Ordinal));
    }
}
