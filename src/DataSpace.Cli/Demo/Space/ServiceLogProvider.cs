using Microsoft.Extensions.Logging;

namespace DataSpace.Cli.Demo.Space;

/// <summary>Sends one service's logs to the <see cref="ServiceLog"/>.</summary>
internal sealed class ServiceLogProvider(ServiceLog log, string service) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ServiceLogger(log, service, categoryName);

    public void Dispose()
    {
    }
}
