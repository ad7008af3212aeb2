using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DataSpace.Hosting.Telemetry;

/// <summary>
/// Names and creates the traces and metrics of DataSpace features. Everything named
/// <c>DataSpace.&lt;Service&gt;</c> (or below it) is collected and exported by the service defaults
/// with no further registration.
/// </summary>
public static class DataSpaceTelemetry
{
    /// <summary>The prefix every DataSpace <see cref="ActivitySource"/> and <see cref="Meter"/> name starts with.</summary>
    public const string Prefix = "DataSpace.";

    /// <summary>
    /// <c>DataSpace.&lt;service&gt;</c>, e.g. <c>Broker</c> or <c>Connector.Transfers</c> →
    /// <c>DataSpace.Broker</c>, <c>DataSpace.Connector.Transfers</c>; a name that already has the prefix is kept.
    /// </summary>
    public static string NameOf(string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return service.StartsWith(Prefix, StringComparison.Ordinal) ? service : Prefix + service;
    }

    /// <summary>
    /// A source for a feature's spans; keep it in a <c>static readonly</c> field, it lives as long as the process.
    /// </summary>
    public static ActivitySource CreateActivitySource(string service) => new(NameOf(service));

    /// <summary>
    /// A meter for a feature's instruments, owned by the host's <see cref="IMeterFactory"/> (so tests that
    /// build several hosts do not share counters). Inject <see cref="IMeterFactory"/> and call this once.
    /// </summary>
    public static Meter CreateDataSpaceMeter(this IMeterFactory factory, string service)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.Create(NameOf(service));
    }
}
