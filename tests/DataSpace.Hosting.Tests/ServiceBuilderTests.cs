using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace DataSpace.Hosting.Tests;

/// <summary>The services read their configuration files once: no watcher on the working directory (and, on Linux, on every directory below it).</summary>
public sealed class ServiceBuilderTests
{
    [Fact]
    public void ServiceBuilder_ReadsAppSettingsWithoutWatchingThem_WhereTheDefaultWatches()
    {
        static IReadOnlyList<JsonConfigurationSource> JsonSources(WebApplicationBuilder builder) =>
            [.. ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>()];

        var service = JsonSources(ServiceBuilder.Create(["--Some:Setting=1"]));
        var aspNetDefault = JsonSources(WebApplication.CreateBuilder());

        Assert.NotEmpty(service);
        Assert.All(service, source => Assert.False(source.ReloadOnChange, $"{source.Path} is watched"));
        Assert.Contains(aspNetDefault, source => source.ReloadOnChange);
    }

    [Fact]
    public void ServiceBuilder_KeepsTheArgumentsAndTheEnvironmentAsked()
    {
        var builder = ServiceBuilder.Create(["--Some:Setting=1"], "Production");

        Assert.Equal("1", builder.Configuration["Some:Setting"]);
        Assert.Equal("Production", builder.Environment.EnvironmentName);
    }
}
