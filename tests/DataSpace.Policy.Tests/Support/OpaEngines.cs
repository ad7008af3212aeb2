using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Policy.Tests.Support;

/// <summary>Builds the OPA backend through its real DI registration (resilience pipeline included).</summary>
internal static class OpaEngines
{
    public static (OpaPolicyEngine Engine, ServiceProvider Services) Create(Uri baseAddress, HttpMessageHandler? handler = null, Action<OpaPolicyEngineOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var client = services.AddOpaPolicyEngine(options =>
        {
            options.BaseAddress = baseAddress;
            options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            options.TotalTimeout = TimeSpan.FromSeconds(2);
            options.MaxRetries = 2;
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        if (handler is not null)
        {
            client.ConfigurePrimaryHttpMessageHandler(() => handler);
        }
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<OpaPolicyEngine>(), provider);
    }
}
