using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.Core;
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

    [Fact]
    public async Task Terms_beyond_the_offer_get_a_counter_offer_which_the_consumer_accepts_and_both_decisions_rest_on()
    {
        var offerId = await OfferAsync("general", "PRD-4");
        var request = SpaceScenario.Request(offerId, maxUses: 50);
        request["terms"]!["validUntil"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(90));
        var offered = await SpaceScenario.NegotiateAsync(_consumer, request, Token);
        Assert.Equal("OFFERED", offered["state"]!.GetValue<string>());
        var counter = offered["counterTerms"]!.AsObject();
        Assert.Equal(10, counter["maxUses"]!.GetValue<int>());
        Assert.Equal(Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(60)), counter["validUntil"]!.GetValue<string>());

        var final = await AnswerAsync(offered, "acceptance", new JsonObject { ["terms"] = counter.DeepClone() });
        Assert.Equal("FINALIZED", final["state"]!.GetValue<string>());
        var agreement = final["agreement"]!["body"]!;
        Assert.Equal(10, agreement["terms"]!["maxUses"]!.GetValue<int>());
        var decisions = agreement["decisions"]!.AsArray();
        Assert.All(decisions, d => Assert.True(d!["allowed"]!.GetValue<bool>()));
        Assert.Equal(10, decisions[0]!["input"]!["context"]!["terms"]!["maxUses"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_consumer_that_accepts_narrower_terms_gets_the_counter_offer_finalized_in_one_call()
    {
        var offerId = await OfferAsync("general", "PRD-5");
        var request = SpaceScenario.Request(offerId, maxUses: 50);
        request["acceptNarrowerTerms"] = true;
        var final = await SpaceScenario.NegotiateAsync(_consumer, request, Token);
        Assert.Equal("FINALIZED", final["state"]!.GetValue<string>());
        Assert.Equal(10, final["agreement"]!["body"]!["terms"]!["maxUses"]!.GetValue<int>());
    }

    [Fact]
    public async Task Accepting_other_terms_than_the_counter_offer_is_refused_and_the_offer_still_stands()
    {
        var offerId = await OfferAsync("general", "PRD-6");
        var offered = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(offerId, maxUses: 50), Token);
        var other = offered["counterTerms"]!.DeepClone();
        other["maxUses"] = 11;
        var response = await _consumer.Local!.PostAsJsonAsync($"negotiations/{offered["negotiationId"]}/acceptance", new JsonObject { ["terms"] = other }, Token);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var final = await AnswerAsync(offered, "acceptance", new JsonObject { ["terms"] = offered["counterTerms"]!.DeepClone() });
        Assert.Equal("FINALIZED", final["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_counter_offer_answered_with_other_terms_is_decided_again_until_the_parties_agree()
    {
        var offerId = await OfferAsync("general", "PRD-10");
        var offered = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(offerId, maxUses: 50), Token);
        var terms = offered["counterTerms"]!.DeepClone();

        terms["maxUses"] = 20;
        var again = await AnswerAsync(offered, "request", new JsonObject { ["terms"] = terms.DeepClone() });
        Assert.Equal(("OFFERED", 10), (again["state"]!.GetValue<string>(), again["counterTerms"]!["maxUses"]!.GetValue<int>()));
        Assert.Equal(offered["negotiationId"]!.GetValue<string>(), again["negotiationId"]!.GetValue<string>());

        terms["maxUses"] = 8;
        var final = await AnswerAsync(again, "request", new JsonObject { ["terms"] = terms.DeepClone() });
        Assert.Equal("FINALIZED", final["state"]!.GetValue<string>());
        var agreement = final["agreement"]!["body"]!;
        Assert.Equal(8, agreement["terms"]!["maxUses"]!.GetValue<int>());
        Assert.Equal(8, agreement["decisions"]![0]!["input"]!["context"]!["terms"]!["maxUses"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_different_request_under_the_id_of_an_ended_negotiation_answers_that_negotiation()
    {
        var offerId = await OfferAsync("general", "PRD-11");
        var request = SpaceScenario.Request(offerId);
        request["requestId"] = "req-conflict";
        Assert.Equal("FINALIZED", (await SpaceScenario.NegotiateAsync(_consumer, request, Token))["state"]!.GetValue<string>());

        request["purpose"] = "predictive-maintenance";
        request["terms"]!["purposes"] = new JsonArray("predictive-maintenance");
        var view = await SpaceScenario.NegotiateAsync(_consumer, request, Token);
        Assert.Equal("FINALIZED", view["state"]!.GetValue<string>());
        Assert.Equal("quality-analysis", view["agreement"]!["body"]!["purpose"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_counter_offer_is_terminated_by_the_consumer_with_its_reason_recorded()
    {
        var offerId = await OfferAsync("general", "PRD-7");
        var offered = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(offerId, maxUses: 50), Token);
        var ended = await AnswerAsync(offered, "termination", new JsonObject { ["reason"] = "10 uses are too few for this study." });
        Assert.Equal("TERMINATED", ended["state"]!.GetValue<string>());
        Assert.Equal(["10 uses are too few for this study."], ended["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.NotNull(ended["ledgerIndex"]);

        var again = await _consumer.Local!.PostAsJsonAsync($"negotiations/{offered["negotiationId"]}/acceptance", new JsonObject { ["terms"] = offered["counterTerms"]!.DeepClone() }, Token);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Bad_answers_to_a_counter_offer_are_problems_that_say_what_is_wrong()
    {
        var offerId = await OfferAsync("general", "PRD-9");
        var offered = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(offerId, maxUses: 50), Token);
        var id = offered["negotiationId"]!.GetValue<string>();

        var malformed = await _consumer.Local!.PostAsync($"negotiations/{id}/acceptance", new StringContent("{\"terms\": ", System.Text.Encoding.UTF8, "application/json"), Token);
        var noTerms = await _consumer.Local!.PostAsJsonAsync($"negotiations/{id}/acceptance", new JsonObject(), Token);
        var unknown = await _consumer.Local!.PostAsJsonAsync("negotiations/neg-0000/acceptance", new JsonObject { ["terms"] = offered["counterTerms"]!.DeepClone() }, Token);

        foreach (var (response, status, says) in new[] { (malformed, HttpStatusCode.BadRequest, "JSON"), (noTerms, HttpStatusCode.BadRequest, "terms is required"), (unknown, HttpStatusCode.NotFound, "No counter-offer waits") })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(says, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        var final = await AnswerAsync(offered, "acceptance", new JsonObject { ["terms"] = offered["counterTerms"]!.DeepClone() });
        Assert.Equal("FINALIZED", final["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refusal_narrower_terms_cannot_cure_gets_no_counter_offer()
    {
        var offerId = await OfferAsync("important", "PRD-8", _foreign.Id);
        var request = SpaceScenario.Request(offerId, destination: "DE", maxUses: 50);
        var view = await SpaceScenario.NegotiateAsync(_foreign, request, Token);
        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        Assert.Null(view["counterTerms"]);
    }

    private async Task<JsonObject> AnswerAsync(JsonObject offered, string answer, JsonObject body)
    {
        var response = await _consumer.Local!.PostAsJsonAsync($"negotiations/{offered["negotiationId"]}/{answer}", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<string> OfferAsync(string category, string suffix, params string[] audience)
    {
        var asset = await SpaceScenario.UploadAsync(_provider, suffix, SpaceScenario.Label(category), "line,output\nA,42\n"u8.ToArray(), Token);
        var offer = await SpaceScenario.PublishAsync(_provider, asset["assetId"]!.GetValue<string>(),
            SpaceScenario.Terms(audience: audience.Length == 0 ? [_consumer.Id, _foreign.Id] : audience), Token);
        return offer["offer"]!["id"]!.GetValue<string>();
    }
}
