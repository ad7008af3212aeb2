namespace DataSpace.Broker.Hosting;

/// <summary>The broker's configuration is unusable; the message lists every problem, one per line.</summary>
public sealed class BrokerConfigurationException(IReadOnlyList<string> problems)
    : Exception("The broker cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    /// <summary>Each problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
