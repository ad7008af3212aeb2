using Microsoft.Extensions.Logging;

namespace DataSpace.Cli.Demo.Space;

/// <summary>One category's logger; the level filter is the host's (<c>Logging:LogLevel</c>).</summary>
internal sealed class ServiceLogger(ServiceLog log, string service, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        log.Write(service, category, logLevel.ToString(), exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})");
    }
}
