using DataSpace.Storage.Azure;
using DataSpace.Storage.Configuration;
using DataSpace.Storage.FileSystem;
using DataSpace.Storage.Tests.Support;
using DataSpace.Testing;

namespace DataSpace.Storage.Tests.Configuration;

public sealed class BlobStoreOptionsTests
{
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Validate_FileSystemWithoutPath_SaysPathIsRequired()
    {
        var problem = Assert.Single(new BlobStoreOptions().Validate());

        Assert.StartsWith("Path is required for the FileSystem blob store", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FileSystemPathIsAFile_SaysSo()
    {
        var file = Path.GetTempFileName();
        try
        {
            var problem = Assert.Single(new BlobStoreOptions { Path = file }.Validate());
            Assert.Contains("is a file", problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validate_AzureWithNothing_ListsEveryMissingSetting()
    {
        var problems = new BlobStoreOptions { Kind = BlobStoreKind.AzureBlob, Path = "/ignored" }.Validate();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("ConnectionString is required", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Container is required", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedConnectionString_SaysSoWithoutRepeatingIt()
    {
        const string connectionString = "AccountName=devstoreaccount1;AccountKey=secret-key;Nonsense";

        var problem = Assert.Single(new BlobStoreOptions { Kind = BlobStoreKind.AzureBlob, ConnectionString = connectionString, Container = "assets" }.Validate());

        Assert.StartsWith("ConnectionString is not a valid Azure Storage connection string", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab", "3 to 63")]
    [InlineData("Assets", "lowercase letters, digits and '-'")]
    [InlineData("assets_1", "lowercase letters, digits and '-'")]
    [InlineData("-assets", "start and end with a letter or a digit")]
    [InlineData("assets-", "start and end with a letter or a digit")]
    [InlineData("my--assets", "must not contain '--'")]
    public void Validate_BadContainerName_SaysWhichRule(string container, string fragment)
    {
        var problems = new BlobStoreOptions { Kind = BlobStoreKind.AzureBlob, ConnectionString = "UseDevelopmentStorage=true", Container = container }.Validate();

        Assert.Contains(problems, problem => problem.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ContainerNameTooLong_Refused() =>
        Assert.Contains("3 to 63", Assert.Single(new BlobStoreOptions
        {
            Kind = BlobStoreKind.AzureBlob,
            ConnectionString = "UseDevelopmentStorage=true",
            Container = new string('a', 64),
        }.Validate()), StringComparison.Ordinal);

    [Fact]
    public void Validate_UnknownKind_Refused() =>
        Assert.Contains("Kind must be FileSystem or AzureBlob", Assert.Single(new BlobStoreOptions { Kind = (BlobStoreKind)7 }.Validate()), StringComparison.Ordinal);

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=" + DevelopmentKey + ";EndpointSuffix=core.windows.net")]
    public void Validate_GoodAzureSettings_NoProblems(string connectionString) =>
        Assert.Empty(new BlobStoreOptions { Kind = BlobStoreKind.AzureBlob, ConnectionString = connectionString, Container = "connector-assets-1" }.Validate());

    [Fact]
    public void Create_EachKind_TheMatchingStore()
    {
        using var directory = new TempDirectory();

        var files = BlobStoreFactory.Create(new BlobStoreOptions { Path = directory.Path });
        var azure = BlobStoreFactory.Create(new BlobStoreOptions { Kind = BlobStoreKind.AzureBlob, ConnectionString = Azurite.ConnectionString, Container = "assets" });

        Assert.Equal(directory.Path, Assert.IsType<FileSystemBlobStore>(files).Root);
        Assert.Equal("assets", Assert.IsType<AzureBlobStore>(azure).Container.Name);
    }

    [Fact]
    public void Create_InvalidOptions_ArgumentExceptionListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => BlobStoreFactory.Create(new BlobStoreOptions { Kind = BlobStoreKind.AzureBlob, Container = "A" }));

        Assert.Contains("ConnectionString is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 to 63", error.Message, StringComparison.Ordinal);
        Assert.Contains("lowercase", error.Message, StringComparison.Ordinal);
    }
}
