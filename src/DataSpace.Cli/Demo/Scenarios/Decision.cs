namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>What happened to a request: it was allowed, refused, or something failed on the way (never expected).</summary>
internal enum Decision
{
    Allow,
    Deny,
    Error,
}
