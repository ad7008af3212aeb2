using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.TestSpace;

namespace DataSpace.Broker.Tests.Flows;

/// <summary>The negotiation through the broker between two real connectors: agreement, denial, idempotence, restart.</summary>
public sealed class NegotiationFlowTests : IAsyncLifetime
{
    private TestSpace.TestSpace _space = null!;
    private Party _provider = null!;
    private Party _consumer = null!;
    private Party _foreign = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _space = await TestSpace.TestSpace.StartAsync(cancellationToken: Token);
        _provider = await _space.AddAsync("88.608.1001", TestSpace.TestSpace.Enterprise("Baosteel Demo", sector: "C31"), cancellationToken: Token);
        _consumer = await _space.AddAsync("88.608.2002", TestSpace.TestSpace.Enterprise("Auto Parts Demo"), cancellationToken: Token);
        _foreign = await _space.AddAsync("88.276.3003", TestSpace.TestSpace.Enterprise("Analytics GmbH", country: "DE"), cancellationToken: Token);
    }

    public async ValueTask DisposeAsync() => await _space.DisposeAsync();

    [Fact]
    public async Task General_data_is_agreed_by_both_parties_and_finalized_in_the_ledger()
    {
        var offerId = await OfferAsync("general", "PRD-1");
        var response = await _consumer.Local!.PostAsJsonAsync("negotiations", SpaceScenario.Request(offerId), Token);
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.True(response.IsSuccessStatusCode, view.ToJsonString());
        Assert.Equal("FINALIZED", view["state"]!.GetValue<string>());
        var signatures = view["agreement"]!["signatures"]!.AsArray().Select(s => s!["kid"]!.GetValue<string>().Split('+')[0]).Order().ToList();
        Assert.Equal(["88.100.broker", _provider.Id, _consumer.Id], signatures);
    }

    [Fact]
    public async Task Important_data_to_a_foreign_consumer_is_terminated_with_the_policy_reasons_recorded()
    {
        var offerId = await OfferAsync("important", "PRD-2", _foreign.Id);
        var response = await _foreign.Local!.PostAsJsonAsync("negotiations", SpaceScenario.Request(offerId, destination: "DE"), Token);
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.True(response.IsSuccessStatusCode, view.ToJsonString());
        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        Assert.Contains(view["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith("R4", StringComparison.Ordinal));
        Assert.NotNull(view["ledgerIndex"]);
    }

    [Fact]
    public async Task The_same_request_id_finds_the_same_negotiation()
    {
        var offerId = await OfferAsync("general", "PRD-3");
        var request = SpaceScenario.Request(offerId);
        request["requestId"] = "req-42";
        var first = JsonNode.Parse(await (await _consumer.Local!.PostAsJsonAsync("negotiations", request, Token)).Content.ReadAsStringAsync(Token))!;
        var second = JsonNode.Parse(await (await _consumer.Local!.PostAsJsonAsync("negotiations", request, Token)).Content.ReadAsStringAsync(Token))!;
        Assert.Equal("FINALIZED", first["state"]!.GetValue<string>());
        Assert.Equal(first["negotiationId"]!.GetValue<string>(), second["negotiationId"]!.GetValue<string>());
        Assert.Equal(first["ledgerIndex"]!.GetValue<ulong>(), second["ledgerIndex"]!.GetValue<ulong>());
    }

    private async Task<string> OfferAsync(string category, string suffix, params string[] audience)
    {
        var asset = await SpaceScenario.UploadAsync(_provider, suffix, SpaceScenario.Label(category), "line,output\nA,42\n"u8.ToArray(), Token);
        var offer = await SpaceScenario.PublishAsync(_provider, asset["assetId"]!.GetValue<string>(),
            SpaceScenario.Terms(audience: audience.Length == 0 ? [_consumer.Id, _foreign.Id] : audience), Token);
        return offer["offer"]!["id"]!.GetValue<string>();
    }
}
