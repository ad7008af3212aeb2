namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// One service of the demo's space as a launcher starts it: its settings are written to
/// <paramref name="ConfigFile"/> first (what <c>dataspace broker|connector --config</c> reads), so
/// it can run in this process or as its own process, and be started again by hand the same way.
/// </summary>
/// <param name="Kind">Broker or connector.</param>
/// <param name="Name">Its name in the service log: <c>broker</c>, or the participant's alias.</param>
/// <param name="Url">Where it listens (a free loopback port picked before it starts).</param>
/// <param name="Settings">Its configuration, <c>Broker:…</c> or <c>Connector:…</c> keys.</param>
/// <param name="ConfigFile">The JSON file holding the same settings and <c>urls</c>.</param>
internal sealed record ServiceSpec(ServiceKind Kind, string Name, Uri Url, IReadOnlyDictionary<string, string> Settings, string ConfigFile)
{
    /// <summary>The <c>dataspace</c> subcommand: <c>broker</c> or <c>connector</c>.</summary>
    public string Command => Kind == ServiceKind.Broker ? "broker" : "connector";
}
