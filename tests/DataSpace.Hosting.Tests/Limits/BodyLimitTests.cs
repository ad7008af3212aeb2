using DataSpace.Hosting.Limits;
using DataSpace.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Hosting.Tests.Limits;

/// <summary>The request body limit: the configured default, raised per endpoint with <c>AllowLargeBody</c>; over it, 413.</summary>
public sealed class BodyLimitTests
{
    private sealed record Item(string Name);

    private const int Large = 64 * 1024;

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(app =>
    {
        app.MapPost("/items", (Item item) => TypedResults.Ok(item.Name.Length));
        app.MapPost("/assets", async (HttpRequest request) => TypedResults.Ok(await CountAsync(request.Body))).AllowLargeBody(Large);
        app.MapPost("/streams", async (HttpRequest request) => TypedResults.Ok(await CountAsync(request.Body))).AllowLargeBody(null);
    });

    private static async Task<long> CountAsync(Stream body)
    {
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }
        return total;
    }

    private static string ItemOfSize(int bytes) => "{\"name\": \"" + new string('x', bytes) + "\"}";

    [Fact]
    public async Task JsonBody_UnderTheLimit_IsRead()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/items", TestApp.Json(ItemOfSize(TestApp.BodyLimit - 100)), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task JsonBody_OverTheLimit_Is413Problem()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/items", TestApp.Json(ItemOfSize(TestApp.BodyLimit)), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 413);
        Assert.Contains(TestApp.BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedJsonBody_OverTheLimit_Is413Problem()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/items", new UnsizedContent(System.Text.Encoding.UTF8.GetBytes(ItemOfSize(TestApp.BodyLimit * 2)), "application/json"), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 413);
    }

    [Fact]
    public async Task AllowLargeBody_RaisesTheLimitForThatEndpoint()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/assets", new ByteArrayContent(new byte[Large]), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"{Large}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AllowLargeBody_StillLimitsThatEndpoint()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/assets", new UnsizedContent(new byte[Large + 1], "application/octet-stream"), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 413);
    }

    [Fact]
    public async Task AllowLargeBody_Null_LiftsTheLimit()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/streams", new UnsizedContent(new byte[Large * 4], "application/octet-stream"), TestContext.Current.CancellationToken);

        Assert.Equal($"{Large * 4}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AllowLargeBody_Negative_Throws()
    {
        var builder = WebApplication.CreateBuilder();
        var app = builder.Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => app.MapPost("/x", () => 0).AllowLargeBody(-1));
    }
}
