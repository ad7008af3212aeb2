using System.Text.Json;
using DataSpace.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Hosting.Tests.Documentation;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the Scalar reference page at <c>/scalar</c>.</summary>
public sealed class DocumentationTests
{
    private sealed record Offer(string Id, string Title);

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(
        app =>
        {
            app.MapGet("/offers/{id}", (string id) => TypedResults.Ok(new Offer(id, "t")));
            app.MapPost("/offers", (Offer offer) => TypedResults.Created($"/offers/{offer.Id}", offer)).RequireAuthorization();
        },
        builder => builder.Services.AddAuthorization());

    private static async Task<JsonElement> DocumentAsync(TestApp app)
    {
        var response = await app.Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    [Fact]
    public async Task OpenApi_IsJsonWithTheServiceEndpoints()
    {
        await using var app = await StartAsync();

        var document = await DocumentAsync(app);

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("DataSpace Test API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(document.GetProperty("info").GetProperty("version").GetString()));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/offers/{id}", paths);
        Assert.Contains("/offers", paths);
        Assert.DoesNotContain("/healthz", paths);
        Assert.DoesNotContain("/readyz", paths);
    }

    [Fact]
    public async Task OpenApi_DeclaresBearer_AndRequiresItOnlyWhereAuthorizationIs()
    {
        await using var app = await StartAsync();

        var document = await DocumentAsync(app);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        var paths = document.GetProperty("paths");
        var post = paths.GetProperty("/offers").GetProperty("post");
        Assert.True(post.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.False(paths.GetProperty("/offers/{id}").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Scalar_AnswersHtml()
    {
        await using var app = await StartAsync();

        // Scalar redirects /scalar to /scalar/ so that its page's relative asset paths resolve.
        var redirect = await app.Client.GetAsync("/scalar", TestContext.Current.CancellationToken);
        var response = await app.Client.GetAsync(redirect.Headers.Location, TestContext.Current.CancellationToken);

        Assert.Equal(302, (int)redirect.StatusCode);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("DataSpace Test API", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
