using DataSpace.Rego;
using Microsoft.Extensions.Logging;

namespace DataSpace.Policy;

/// <summary>How to run a <see cref="PolicyServer"/>.</summary>
public sealed record PolicyServerOptions
{
    /// <summary>
    /// Where to listen, as OPA's <c>--addr</c>: <c>127.0.0.1:8181</c>, <c>[::1]:8181</c>, <c>localhost:8181</c>,
    /// or <c>:8181</c> for every interface. Port 0 picks a free port (see <see cref="PolicyServer.Address"/>).
    /// </summary>
    public string Address { get; init; } = "127.0.0.1:8181";

    /// <summary>Policies and data to start with; none when null.</summary>
    public PolicyBundle? Bundle { get; init; }

    /// <summary>The Rego version of modules added later with <c>PUT /v1/policies</c> when no bundle decides it.</summary>
    public RegoVersion DefaultRegoVersion { get; init; } = RegoVersion.V1;

    /// <summary>Adds log providers; the server logs nothing when null.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
