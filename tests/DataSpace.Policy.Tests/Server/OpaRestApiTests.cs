using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DataSpace.Policy.Tests.Server;

/// <summary>OPA's REST API as <see cref="PolicyServer"/> serves it, over real HTTP on a loopback port.</summary>
public sealed class OpaRestApiTests : IAsyncLifetime
{
    private const string Authz = "package authz\n\ndefault allow := false\n\nallow if input.user in data.admins\n\nnames contains n if some n in data.admins\n";
    private PolicyServer? _server;
    private HttpClient? _http;

    private HttpClient Http => _http!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await PolicyServer.StartAsync(new PolicyServerOptions { Address = "127.0.0.1:0" }, Ct);
        _http = new HttpClient { BaseAddress = _server.Address };
        await Send(HttpMethod.Put, "v1/data/admins", """["alice"]""", HttpStatusCode.NoContent);
        await Send(HttpMethod.Put, "v1/policies/authz/policy.rego", Authz, HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await _server!.DisposeAsync();
    }

    [Fact]
    public async Task PostData_WithInput_ResultAsOpa()
    {
        var allowed = await Send(HttpMethod.Post, "v1/data/authz/allow", """{"input": {"user": "alice"}}""");
        var denied = await Send(HttpMethod.Post, "v1/data/authz/allow", """{"input": {"user": "mallory"}}""");

        Assert.Equal("""{"result":true}""", allowed.ToJsonString());
        Assert.Equal("""{"result":false}""", denied.ToJsonString());
    }

    [Fact]
    public async Task PostData_UndefinedDocument_EmptyObject()
    {
        var answer = await Send(HttpMethod.Post, "v1/data/authz/nothing", """{"input": {}}""");

        Assert.Equal("{}", answer.ToJsonString());
    }

    [Fact]
    public async Task PostData_WithoutInputKey_Warns()
    {
        var answer = await Send(HttpMethod.Post, "v1/data/authz/allow", """{"user": "alice"}""");

        Assert.Equal("api_usage_warning", answer["warning"]!["code"]!.GetValue<string>());
        Assert.False(answer["result"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetData_WholePackageAndBaseData()
    {
        var package = await Send(HttpMethod.Get, "v1/data/authz");
        var admins = await Send(HttpMethod.Get, "v1/data/admins");

        Assert.Equal("""{"allow":false,"names":["alice"]}""", package["result"]!.ToJsonString());
        Assert.Equal("""["alice"]""", admins["result"]!.ToJsonString());
    }

    [Fact]
    public async Task PatchData_AddAndRemove_ChangesDecisions()
    {
        await Send(HttpMethod.Patch, "v1/data/admins", """[{"op": "add", "path": "/-", "value": "bob"}]""", HttpStatusCode.NoContent);
        var bob = await Send(HttpMethod.Post, "v1/data/authz/allow", """{"input": {"user": "bob"}}""");
        await Send(HttpMethod.Patch, "v1/data", """[{"op": "remove", "path": "/admins/1"}]""", HttpStatusCode.NoContent);
        var gone = await Send(HttpMethod.Post, "v1/data/authz/allow", """{"input": {"user": "bob"}}""");
        await Send(HttpMethod.Delete, "v1/data/admins", null, HttpStatusCode.NoContent);
        var admins = await Send(HttpMethod.Get, "v1/data/admins");

        Assert.True(bob["result"]!.GetValue<bool>());
        Assert.False(gone["result"]!.GetValue<bool>());
        Assert.Equal("{}", admins.ToJsonString());
    }

    [Fact]
    public async Task DeleteData_Missing_NotFoundInOpaShape()
    {
        var error = await Send(HttpMethod.Delete, "v1/data/nope/none", null, HttpStatusCode.NotFound);

        Assert.Equal("resource_not_found", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutPolicy_BadRego_400WithLocationAndOldPolicyKept()
    {
        var error = await Send(HttpMethod.Put, "v1/policies/authz/policy.rego", "package authz\nallow if {", HttpStatusCode.BadRequest);
        var still = await Send(HttpMethod.Post, "v1/data/authz/allow", """{"input": {"user": "alice"}}""");

        Assert.Equal("invalid_parameter", error["code"]!.GetValue<string>());
        Assert.Equal("error(s) occurred while compiling module(s)", error["message"]!.GetValue<string>());
        var detail = error["errors"]![0]!;
        Assert.Equal("rego_parse_error", detail["code"]!.GetValue<string>());
        Assert.Equal("authz/policy.rego", detail["location"]!["file"]!.GetValue<string>());
        Assert.True(detail["location"]!["row"]!.GetValue<int>() >= 2);
        Assert.True(still["result"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Policies_GetListDelete()
    {
        var one = await Send(HttpMethod.Get, "v1/policies/authz/policy.rego");
        var list = await Send(HttpMethod.Get, "v1/policies");
        await Send(HttpMethod.Delete, "v1/policies/authz/policy.rego", null);
        var missing = await Send(HttpMethod.Get, "v1/policies/authz/policy.rego", null, HttpStatusCode.NotFound);

        Assert.Equal(Authz, one["result"]!["raw"]!.GetValue<string>());
        Assert.Equal("authz/policy.rego", list["result"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("resource_not_found", missing["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostQuery_Bindings_OnePerSolution()
    {
        var answer = await Send(HttpMethod.Post, "v1/query", """{"query": "some x in [1, 2]; y := x * input.k", "input": {"k": 10}}""");
        var none = await Send(HttpMethod.Post, "v1/query", """{"query": "1 > 2"}""");
        var term = await Send(HttpMethod.Get, "v1/query?q=data.authz.names[n]");

        Assert.Equal("""[{"x":1,"y":10},{"x":2,"y":20}]""", answer["result"]!.ToJsonString());
        Assert.Equal("{}", none.ToJsonString());
        Assert.Equal("""[{"n":"alice"}]""", term["result"]!.ToJsonString());
    }

    [Fact]
    public async Task PostQuery_ParseError_400()
    {
        var error = await Send(HttpMethod.Post, "v1/query", """{"query": "x := "}""", HttpStatusCode.BadRequest);

        Assert.Equal("invalid_parameter", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostQuery_StrictBuiltinErrors_Honoured()
    {
        const string body = """{"query": "x := to_number(\"abc\")"}""";

        var lenient = await Send(HttpMethod.Post, "v1/query", body);
        var strict = await Send(HttpMethod.Post, "v1/query?strict-builtin-errors=true", body, HttpStatusCode.InternalServerError);

        Assert.Equal("{}", lenient.ToJsonString());
        Assert.Equal("internal_error", strict["code"]!.GetValue<string>());
        Assert.Equal("eval_builtin_error", strict["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostData_MalformedBody_400()
    {
        var error = await Send(HttpMethod.Post, "v1/data/authz/allow", """{"input": """, HttpStatusCode.BadRequest);

        Assert.Equal("invalid_parameter", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_Ok()
    {
        Assert.Equal("{}", (await Send(HttpMethod.Get, "health")).ToJsonString());
    }

    [Theory]
    [InlineData("127.0.0.1:8181", "127.0.0.1", 8181)]
    [InlineData(":8181", "0.0.0.0", 8181)]
    [InlineData("localhost:0", "127.0.0.1", 0)]
    [InlineData("[::1]:9000", "::1", 9000)]
    public void ParseAddress_OpaForms(string text, string ip, int port)
    {
        var endpoint = PolicyServer.ParseAddress(text);

        Assert.Equal(IPAddress.Parse(ip), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Fact]
    public void ParseAddress_Garbage_Throws()
    {
        Assert.Throws<ArgumentException>(() => PolicyServer.ParseAddress("example.org"));
    }

    private async Task<JsonNode> Send(HttpMethod method, string url, string? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, url.StartsWith("v1/policies", StringComparison.Ordinal) ? "text/plain" : "application/json");
        }
        using var response = await Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
