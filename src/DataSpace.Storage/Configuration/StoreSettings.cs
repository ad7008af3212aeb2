using Azure.Storage.Blobs;

namespace DataSpace.Storage.Configuration;

/// <summary>The checks behind <see cref="BlobStoreOptions.Validate"/>, one method per setting.</summary>
internal static class StoreSettings
{
    public static IEnumerable<string> PathProblems(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            yield return "Path is required for the FileSystem blob store: the directory that holds the blobs.";
            yield break;
        }
        if (path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            yield return $"Path '{path}' contains a character that is not allowed in a path.";
            yield break;
        }
        if (File.Exists(path))
        {
            yield return $"Path '{path}' is a file; the FileSystem blob store needs a directory.";
        }
    }

    public static IEnumerable<string> ConnectionStringProblems(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            yield return "ConnectionString is required for the AzureBlob blob store (for Azurite: UseDevelopmentStorage=true, or the string it prints).";
            yield break;
        }
        if (!Parses(connectionString))
        {
            // Not the string itself: it holds the account key.
            yield return "ConnectionString is not a valid Azure Storage connection string " +
                "(expected DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…, a BlobEndpoint=… with a SAS, or UseDevelopmentStorage=true).";
        }
    }

    /// <summary>Azure's container naming rules, each its own message.</summary>
    public static IEnumerable<string> ContainerProblems(string? container)
    {
        if (string.IsNullOrWhiteSpace(container))
        {
            yield return "Container is required for the AzureBlob blob store: the name of the blob container.";
            yield break;
        }
        if (container.Length is < 3 or > 63)
        {
            yield return $"Container '{container}' is {container.Length} characters long; Azure container names have 3 to 63.";
        }
        if (container.Any(c => c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '-')))
        {
            yield return $"Container '{container}' may contain only lowercase letters, digits and '-'.";
        }
        if (container[0] == '-' || container[^1] == '-')
        {
            yield return $"Container '{container}' must start and end with a letter or a digit.";
        }
        if (container.Contains("--", StringComparison.Ordinal))
        {
            yield return $"Container '{container}' must not contain '--'.";
        }
    }

    private static bool Parses(string connectionString)
    {
        try
        {
            // Parses only; no request is sent.
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
