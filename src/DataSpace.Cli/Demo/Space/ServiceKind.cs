namespace DataSpace.Cli.Demo.Space;

/// <summary>Which service of the space: the <c>dataspace</c> subcommand that runs it.</summary>
internal enum ServiceKind
{
    Broker,
    Connector,
}
