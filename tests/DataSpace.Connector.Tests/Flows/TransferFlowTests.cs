using System.Net;
using System.Text.Json.Nodes;
using DataSpace.TestSpace;

namespace DataSpace.Connector.Tests.Flows;

/// <summary>
/// Transfers between two real connectors through a real broker, assets and received data on
/// Azurite: data moves only after the contract check passes, and every denial says why.
/// </summary>
public sealed class TransferFlowTests : IAsyncLifetime
{
    private static readonly byte[] Content = "month,line,tonnes\n2026-10,HR-1,182000\n2026-10,HR-2,174500\n"u8.ToArray();
    private TestSpace.TestSpace _space = null!;
    private Party _provider = null!;
    private Party _consumer = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _space = await TestSpace.TestSpace.StartAsync(new SpaceSettings { UseAzurite = true }, Token);
        _provider = await _space.AddAsync("88.608.1001", TestSpace.TestSpace.Enterprise("Steel", sector: "C31"), cancellationToken: Token);
        _consumer = await _space.AddAsync("88.608.2002", TestSpace.TestSpace.Enterprise("Parts"), cancellationToken: Token);
    }

    public async ValueTask DisposeAsync() => await _space.DisposeAsync();

    [Theory]
    [InlineData("general")]
    [InlineData("important")]
    public async Task Agreed_data_arrives_verified_and_reads_back_for_the_agreed_purpose(string category)
    {
        var agreementId = await AgreeAsync(category, "PRD-" + category);
        var (status, record) = await SpaceScenario.ReceiveAsync(_consumer, agreementId, Token);
        Assert.True(status == HttpStatusCode.OK || status == HttpStatusCode.Created, record.ToJsonString());
        var transferId = record["transferId"]!.GetValue<string>();
        var read = await _consumer.Local!.GetAsync($"received/{transferId}/content?purpose=quality-analysis", Token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Content, await read.Content.ReadAsByteArrayAsync(Token));
        var agreement = JsonNode.Parse(await _consumer.Broker.GetStringAsync($"agreements/{agreementId}", Token))!;
        Assert.Equal("COMPLETED", agreement["transfers"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_read_for_another_purpose_is_refused_with_the_policy_reason()
    {
        var agreementId = await AgreeAsync("general", "PRD-P");
        var (_, record) = await SpaceScenario.ReceiveAsync(_consumer, agreementId, Token);
        var read = await _consumer.Local!.GetAsync($"received/{record["transferId"]!.GetValue<string>()}/content?purpose=marketing", Token);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Contains("R7", await read.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Core_data_is_never_agreed_as_a_copy()
    {
        var asset = await SpaceScenario.UploadAsync(_provider, "CORE-1", SpaceScenario.Label("core"), Content, Token);
        var offer = await SpaceScenario.PublishAsync(_provider, asset["assetId"]!.GetValue<string>(), SpaceScenario.Terms(audience: _consumer.Id), Token);
        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(offer["offer"]!["id"]!.GetValue<string>()), Token);
        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        Assert.Contains(view["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith("R3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transfer_beyond_the_agreed_uses_is_refused_and_stores_nothing()
    {
        var agreementId = await AgreeAsync("general", "PRD-U", maxUses: 1);
        var (first, _) = await SpaceScenario.ReceiveAsync(_consumer, agreementId, Token);
        Assert.True(first is HttpStatusCode.OK or HttpStatusCode.Created);
        var (second, problem) = await SpaceScenario.ReceiveAsync(_consumer, agreementId, Token);
        Assert.Equal(HttpStatusCode.Forbidden, second);
        Assert.Contains("R9", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var records = JsonNode.Parse(await _consumer.Local!.GetStringAsync("received", Token))!.AsArray();
        Assert.Single(records);
    }

    [Fact]
    public async Task A_revoked_consumer_gets_no_data()
    {
        var agreementId = await AgreeAsync("general", "PRD-R");
        var revoke = await _space.Operator.PostAsync($"participants/{_consumer.Id}/status",
            new StringContent("{\"status\":\"revoked\",\"reason\":\"licence withdrawn\"}", System.Text.Encoding.UTF8, "application/json"), Token);
        Assert.True(revoke.IsSuccessStatusCode);
        var (status, _) = await SpaceScenario.ReceiveAsync(_consumer, agreementId, Token);
        Assert.False(status is HttpStatusCode.OK or HttpStatusCode.Created);
        var records = JsonNode.Parse(await _consumer.Local!.GetStringAsync("received", Token))!.AsArray();
        Assert.Empty(records);
    }

    private async Task<string> AgreeAsync(string category, string suffix, int maxUses = 3)
    {
        var asset = await SpaceScenario.UploadAsync(_provider, suffix, SpaceScenario.Label(category), Content, Token);
        var offer = await SpaceScenario.PublishAsync(_provider, asset["assetId"]!.GetValue<string>(), SpaceScenario.Terms(audience: _consumer.Id), Token);
        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(offer["offer"]!["id"]!.GetValue<string>(), maxUses: maxUses), Token);
        Assert.True(view["state"]!.GetValue<string>() == "FINALIZED", view.ToJsonString());
        return view["agreement"]!["body"]!["agreementId"]!.GetValue<string>();
    }
}
