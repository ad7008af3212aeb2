using System.Text.Json;
using DataSpace.Hosting.Problems;
using DataSpace.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataSpace.Hosting.Tests.Problems;

/// <summary><see cref="StrictJsonBody"/>: strict RFC 8259 JSON or a 400 that says what was wrong; never an exception.</summary>
public sealed class StrictJsonBodyTests
{
    private static Task<TestApp> StartAsync(IDictionary<string, string?>? settings = null) => TestApp.StartAsync(
        app =>
        {
            app.MapPost("/object", async (HttpRequest request) => (await request.ReadJsonObjectAsync()).ToOk(o => o.ToJsonString()));
            app.MapPost("/element", async (HttpRequest request) => (await request.ReadJsonElementAsync()).ToOk(e => e.ValueKind.ToString()));
        },
        settings: settings);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadJsonObject_BodyLargerThanTheFirstBuffer_IsReadWhole(bool sized)
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Hosting:Limits:MaxRequestBodySize"] = "1000000" });
        var text = "{\"items\":[" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"item-{i}\"")) + "]}";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        HttpContent content = sized ? new ByteArrayContent(bytes) : new UnsizedContent(bytes, "application/json");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await app.Client.PostAsync("/object", content, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(text, JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ReadJsonObject_ValidObject_IsRead()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/object", TestApp.Json("{\"a\": [1, {\"b\": null}]}"), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("{\"a\":[1,{\"b\":null}]}", JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "trailing comma")]
    [InlineData("[1, 2,]", "trailing comma")]
    [InlineData("{\"a\": 1 /* why */}", "comment")]
    [InlineData("// note\n{\"a\": 1}", "comment")]
    [InlineData("{\"a\": 1, \"a\": 2}", "Duplicate property 'a'.")]
    [InlineData("{\"a\": {\"b\": 1, \"b\": 1}}", "Duplicate")]
    [InlineData("{\"a\": 1", "line 1")]
    [InlineData("{\"a\": 1} x", "line 1, byte 10")]
    [InlineData("{'a': 1}", "line 1, byte 2")]
    [InlineData("{\"a\": NaN}", "line 1")]
    public async Task ReadJsonElement_NotStrictJson_Is400SayingWhy(string body, string expected)
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/element", TestApp.Json(body), TestContext.Current.CancellationToken);

        var detail = (await ProblemAssert.IsProblemAsync(response, 400)).Detail();
        Assert.Contains(expected, detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("reader options", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadJsonElement_TooDeep_Is400()
    {
        await using var app = await StartAsync();
        var body = new string('[', StrictJsonBody.MaxDepth + 1) + new string(']', StrictJsonBody.MaxDepth + 1);

        var response = await app.Client.PostAsync("/element", TestApp.Json(body), TestContext.Current.CancellationToken);

        Assert.Contains("depth", (await ProblemAssert.IsProblemAsync(response, 400)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadJsonElement_AtMaxDepth_IsRead()
    {
        await using var app = await StartAsync();
        var body = new string('[', StrictJsonBody.MaxDepth) + new string(']', StrictJsonBody.MaxDepth);

        var response = await app.Client.PostAsync("/element", TestApp.Json(body), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task ReadJsonElement_InvalidUtf8_Is400()
    {
        await using var app = await StartAsync();
        var content = new ByteArrayContent([(byte)'"', 0xC3, 0x28, (byte)'"']);
        content.Headers.ContentType = new("application/json");

        var response = await app.Client.PostAsync("/element", content, TestContext.Current.CancellationToken);

        Assert.Contains("byte 2", (await ProblemAssert.IsProblemAsync(response, 400)).Detail(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1]", "not an array")]
    [InlineData("\"text\"", "not a string")]
    [InlineData("null", "not null")]
    public async Task ReadJsonObject_NotAnObject_Is400(string body, string expected)
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/object", TestApp.Json(body), TestContext.Current.CancellationToken);

        Assert.Contains(expected, (await ProblemAssert.IsProblemAsync(response, 400)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadJsonObject_EmptyBody_Is400()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/object", TestApp.Json(""), TestContext.Current.CancellationToken);

        Assert.Contains("empty", (await ProblemAssert.IsProblemAsync(response, 400)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadJsonObject_NotJsonContentType_Is400()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/object", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Contains("Content-Type", (await ProblemAssert.IsProblemAsync(response, 400)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadJsonObject_PlusJsonMediaType_IsAccepted()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/object", new StringContent("{}", System.Text.Encoding.UTF8, "application/merge-patch+json"), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task ReadJsonObject_Oversized_Is413()
    {
        await using var app = await StartAsync();
        var body = "{\"a\": \"" + new string('x', TestApp.BodyLimit) + "\"}";

        var sized = await app.Client.PostAsync("/object", TestApp.Json(body), TestContext.Current.CancellationToken);
        var unsized = await app.Client.PostAsync("/object", new UnsizedContent(System.Text.Encoding.UTF8.GetBytes(body), "application/json"), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(sized, 413);
        await ProblemAssert.IsProblemAsync(unsized, 413);
    }
}
