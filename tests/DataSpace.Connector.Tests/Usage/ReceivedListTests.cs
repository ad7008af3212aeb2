using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace DataSpace.Connector.Tests.Usage;

/// <summary><c>GET /received</c> and <c>GET /received/{transferId}</c>.</summary>
public sealed class ReceivedListTests : IAsyncLifetime
{
    private UsageScenario _s = null!;

    public async ValueTask InitializeAsync() => _s = await UsageScenario.StartAsync();

    public ValueTask DisposeAsync() => _s.DisposeAsync();

    [Fact]
    public async Task List_ShowsEveryTransfer_WithUsesAndDeletion()
    {
        var agreement = await _s.AgreeAsync();
        var first = await _s.ReceiveAsync(agreement, Encoding.UTF8.GetBytes("a"));
        _s.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _s.ReceiveAsync(agreement, Encoding.UTF8.GetBytes("bb"));
        using (await _s.ReadAsync(second.TransferId))
        {
        }

        var list = await _s.Consumer.Client.GetFromJsonAsync<JsonArray>("/received", TestContext.Current.CancellationToken);

        Assert.Equal([first.TransferId, second.TransferId], list!.Select(v => (string)v!["transferId"]!));
        Assert.Equal([0, 1], list!.Select(v => (int)v!["uses"]!));
        Assert.Equal(2, (long)list![1]!["size"]!);
        Assert.Null(list![0]!["blobKey"]);
    }

    [Fact]
    public async Task Get_OneTransfer_ShowsItsDeletion()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Encoding.UTF8.GetBytes("a"));
        _s.Clock.Set(UsageScenario.DeleteBy);
        await _s.SweepAsync();

        var view = await _s.Consumer.Client.GetFromJsonAsync<JsonObject>($"/received/{record.TransferId}", TestContext.Current.CancellationToken);

        Assert.Equal(record.AgreementId, (string?)view!["agreementId"]);
        Assert.NotNull(view["deletedAt"]);
        Assert.NotNull(view["deletionIndex"]);
    }

    [Fact]
    public async Task Get_UnknownTransfer_Is404()
    {
        using var response = await _s.Consumer.Client.GetAsync("/received/nope", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DescribesTheUsageEndpoints()
    {
        var document = await _s.Consumer.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Contains("/received/{transferId}/content", document, StringComparison.Ordinal);
        Assert.Contains("/notifications/usage", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithoutTheLocalCredential_Is401()
    {
        using var client = _s.Consumer.ClientWithToken("wrong");

        using var response = await client.GetAsync("/received", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
