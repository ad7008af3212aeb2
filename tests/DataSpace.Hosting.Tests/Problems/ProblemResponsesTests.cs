using System.Net;
using System.Text.Json;
using DataSpace.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Hosting.Tests.Problems;

/// <summary>Every failure a client can provoke is answered as RFC 9457 problem+json that says what was wrong.</summary>
public sealed class ProblemResponsesTests
{
    private sealed record Item(string Name, int Count);

    private static Task<TestApp> StartAsync(string environment = "Production") => TestApp.StartAsync(app =>
    {
        app.MapPost("/items", (Item item) => TypedResults.Ok(item));
        app.MapGet("/boom", string () => throw new InvalidOperationException("connection string Password=hunter2 rejected"));
        app.MapGet("/counts/{count}", (int count) => count);
        app.MapGet("/pages", (ulong index, ulong? start) => index + (start ?? 0));
        app.MapGet("/teapot", () => Results.StatusCode(StatusCodes.Status418ImATeapot));
    }, environment: environment);

    [Theory]
    [InlineData("{\"name\": \"x\",", "line 1")]
    [InlineData("{\"name\": \"x\" \"count\": 1}", "line 1, byte 14")]
    [InlineData("{\n  \"name\": 'x'\n}", "line 2")]
    public async Task MalformedJson_Is400_NamingThePosition(string body, string where)
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/items", TestApp.Json(body), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.Contains("not valid JSON", problem.Detail(), StringComparison.Ordinal);
        Assert.Contains(where, problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongJsonType_Is400_NamingTheMember_WithoutDotNetTypeNames()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/items", TestApp.Json("{\"name\": \"x\", \"count\": \"many\"}"), TestContext.Current.CancellationToken);

        var detail = (await ProblemAssert.IsProblemAsync(response, 400)).Detail();
        Assert.Contains("$.count", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"x\"}", "Required members are missing: 'count'")]
    [InlineData("{\"name\": \"x\", \"count\": 1, \"colour\": \"red\"}", "There is no member 'colour' here")]
    [InlineData("{\"name\": null, \"count\": 1}", "(line 1, byte 14, at $.name): This member must not be null")]
    public async Task JsonOfTheWrongShape_Is400_SayingWhatIsWrong_NotThatItIsMalformed(string body, string expected)
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/items", TestApp.Json(body), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.Contains(expected, problem.Detail(), StringComparison.Ordinal);
        Assert.StartsWith("The request body is JSON, but not what this endpoint takes", problem.Detail(), StringComparison.Ordinal);
        Assert.DoesNotContain("Item", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal("Invalid request", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task MissingBody_Is400()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/items", TestApp.Json(""), TestContext.Current.CancellationToken);

        Assert.Equal("The request body is missing: a JSON document is required.", (await ProblemAssert.IsProblemAsync(response, 400)).Detail());
    }

    [Fact]
    public async Task BadRouteValue_Is400_NamingTheParameter()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/counts/many", TestContext.Current.CancellationToken);

        Assert.Contains("many", (await ProblemAssert.IsProblemAsync(response, 400)).Detail(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/counts/many", "The parameter 'count' cannot be \"many\": it takes a whole number.")]
    [InlineData("/pages?index=1&start=abc", "The parameter 'start' cannot be \"abc\": it takes a whole number, 0 or more.")]
    [InlineData("/pages?start=1", "The query parameter 'index' is required.")]
    public async Task UnboundParameter_Is400_InTheClientsTerms_WithoutDotNetTypes(string path, string detail)
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(detail, (await ProblemAssert.IsProblemAsync(response, 400)).Detail());
    }

    [Fact]
    public async Task UnknownRoute_Is404_NamingTheRequest()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/nothing/here", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 404);
        Assert.Contains("GET /nothing/here", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMethod_Is405_NamingTheAllowedOnes()
    {
        await using var app = await StartAsync();

        var response = await app.Client.DeleteAsync("/items", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 405);
        Assert.Contains("POST", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BareStatusCode_GetsAProblemBody()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/teapot", TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 418);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task ThrowingEndpoint_Is500_WithATraceId_AndNothingOfTheException(string environment)
    {
        await using var app = await StartAsync(environment);

        var response = await app.Client.GetAsync("/boom", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 500);
        var text = problem.GetRawText();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stack", text, StringComparison.OrdinalIgnoreCase);
        var traceId = problem.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Contains(traceId, problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemsCarryTheTraceId()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/nothing", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 404);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("traceId").ValueKind);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
