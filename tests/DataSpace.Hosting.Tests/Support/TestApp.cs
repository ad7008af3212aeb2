using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace DataSpace.Hosting.Tests.Support;

/// <summary>
/// A tiny service on the in-memory TestServer, wired exactly as the broker and connectors wire
/// themselves: <c>AddDataSpaceServiceDefaults</c>, <c>UseDataSpaceServiceDefaults</c>,
/// <c>MapDataSpaceDefaultEndpoints</c>, then the test's own endpoints.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    /// <summary>The body limit the test services run with (small, so oversized bodies are cheap to send).</summary>
    public const int BodyLimit = 4096;

    private TestApp(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<TestApp> StartAsync(
        Action<WebApplication> map,
        Action<WebApplicationBuilder>? configure = null,
        string environment = "Production",
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hosting:Limits:MaxRequestBodySize"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddDataSpaceServiceDefaults("Test");
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseDataSpaceServiceDefaults();
        app.MapDataSpaceDefaultEndpoints();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(app);
    }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
