namespace DataSpace.Connector.Hosting;

/// <summary>The connector's configuration is unusable; the message lists every problem, one per line.</summary>
public sealed class ConnectorConfigurationException(IReadOnlyList<string> problems)
    : Exception("The connector cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    /// <summary>Each problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
