using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using DataSpace.TestSpace;

namespace DataSpace.Broker.Tests.Flows;

/// <summary>
/// A provider that answers the broker's callbacks against the rules of counter-offers: the broker
/// shows the consumer no counter-offer its own policy refuses, and records no agreement on terms
/// its policy refused. The provider is a bare HTTP endpoint signing whatever answer the test gives.
/// </summary>
public sealed class RogueProviderTests : IAsyncLifetime
{
    private TestSpace.TestSpace _space = null!;
    private Party _provider = null!;
    private Party _consumer = null!;
    private WebApplication _endpoint = null!;
    private Func<NegotiationCallback, NegotiationAnswer> _answer = null!;
    private string _offerId = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _space = await TestSpace.TestSpace.StartAsync(cancellationToken: Token);
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        _endpoint = builder.Build();
        _endpoint.MapPost("/" + NegotiationCallback.Path, async (HttpRequest request) =>
        {
            var signed = (await JsonNode.ParseAsync(request.Body, cancellationToken: Token))!.AsObject();
            signed.Remove("signatures");
            var callback = DomainJson.Read<NegotiationCallback>(signed, "the callback").Value;
            return Results.Bytes(SignedRecords.Write(_answer(callback), _provider.Keys.Signer), "application/json");
        });
        await _endpoint.StartAsync(Token);

        var attributes = TestSpace.TestSpace.Enterprise("Rogue Steel", sector: "C31");
        attributes["endpoint"] = url;
        _provider = await _space.AddAsync("88.608.1001", attributes, withConnector: false, cancellationToken: Token);
        _consumer = await _space.AddAsync("88.608.2002", TestSpace.TestSpace.Enterprise("Parts"), cancellationToken: Token);
        _offerId = await PublishAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        await _space.DisposeAsync();
    }

    [Fact]
    public async Task A_counter_offer_beyond_the_offer_is_terminated_with_the_brokers_reasons_not_shown_to_the_consumer()
    {
        _answer = c => new NegotiationAnswer(NegotiationMessage.ContractOffer, c.NegotiationId,
            CounterTerms: new RequestedTerms(["quality-analysis"], DateTimeOffset.UtcNow.Date.AddDays(-1), DateTimeOffset.UtcNow.Date.AddDays(30), MaxUses: 99));

        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(_offerId), Token);

        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        Assert.Null(view["counterTerms"]);
        var reason = Assert.Single(view["reasons"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("The provider's counter-offer is not one the broker's policy allows: R9 count", reason, StringComparison.Ordinal);
        Assert.NotNull(view["ledgerIndex"]);
    }

    [Fact]
    public async Task An_agreement_on_terms_the_brokers_policy_refused_is_terminated_not_recorded()
    {
        _answer = AgreeToWhatWasAsked;

        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(_offerId, maxUses: 50), Token);

        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        var reason = Assert.Single(view["reasons"]!.AsArray())!.GetValue<string>();
        Assert.Contains("the broker's own policy does not allow these terms", reason, StringComparison.Ordinal);
        var agreement = await _consumer.Broker.GetAsync($"agreements/{NegotiationIds.Agreement(view["negotiationId"]!.GetValue<string>())}", Token);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, agreement.StatusCode);
    }

    /// <summary>Agrees to the request as it stands, carrying the broker's decision (a refusal with a counter-offer) as if it allowed.</summary>
    private NegotiationAnswer AgreeToWhatWasAsked(NegotiationCallback c)
    {
        var brokerDecision = c.BrokerDecision!.Value;
        Assert.False(brokerDecision.GetProperty("allowed").GetBoolean());
        Assert.Equal(JsonValueKind.Object, brokerDecision.GetProperty("result").GetProperty("counterOffer").ValueKind);
        LedgerEntry.TryRead(c.Request!.Value, out var requestEntry);
        var request = DomainJson.Read<ContractRequest>(requestEntry!.Body, "the request").Value;
        var offer = c.Offer!;
        var ownDecision = new JsonObject { ["allowed"] = true, ["result"] = new JsonObject { ["allow"] = true } };
        var agreement = new Agreement(NegotiationIds.Agreement(c.NegotiationId), c.NegotiationId, offer.Id, offer.AssetId, offer.Provider, request.Consumer,
            JsonSerializer.SerializeToElement(offer.Label), Agreement.Grant(offer, request), request.Purpose, request.Destination,
            [brokerDecision, JsonSerializer.SerializeToElement(ownDecision)], Timestamps.Now());
        var entry = LedgerEntry.FromRecord(Agreement.EntryType, agreement, [_provider.Keys.Signer]);
        return new NegotiationAnswer(NegotiationMessage.ContractAgreement, c.NegotiationId, entry.ToElement());
    }

    private async Task<string> PublishAsync()
    {
        var terms = DomainJson.Read<OfferTerms>(SpaceScenario.Terms(audience: _consumer.Id), "the terms").Value;
        var offer = new Offer($"{_provider.Id}/PRD-1#rogue", _provider.Id, $"{_provider.Id}/PRD-1", SpaceScenario.Label(), terms, Timestamps.Now());
        var response = await _provider.Broker.PostAsJsonAsync("offers", LedgerEntry.FromRecord(Offer.EntryType, offer, [_provider.Keys.Signer]).ToJson(), Token);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Token));
        return offer.Id;
    }
}
