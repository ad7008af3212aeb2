namespace DataSpace.Testing;

/// <summary>
/// The Azurite blob service that scripts/test.sh starts for the test run. Tests that need Azure
/// Storage fail (not skip) without it: the test command always provides it.
/// </summary>
internal static class Azurite
{
    /// <summary>The variable scripts/lib/azurite.sh exports.</summary>
    public const string ConnectionStringVariable = "DATASPACE_AZURITE_CONNECTION_STRING";

    /// <summary>The connection string of the running Azurite.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set: run the tests with ./scripts/test.sh, which installs and starts Azurite, " +
                "or start it yourself (source scripts/lib/azurite.sh; start_azurite .).");
}
