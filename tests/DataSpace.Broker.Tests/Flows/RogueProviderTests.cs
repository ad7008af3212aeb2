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
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using DataSpace.TestSpace;

namespace DataSpace.Broker.Tests.Flows;

/// <summary>
/// A provider that answers the broker's callbacks against the rules: the broker shows the consumer
/// no counter-offer its own policy refuses, records no agreement on terms its policy refused, and
/// takes an answer without a signature of its own only when the entry it carries is the
/// provider's signed agreement or termination. The provider is a bare HTTP endpoint answering
/// whatever the test gives, signed unless the test says otherwise.
/// </summary>
public sealed class RogueProviderTests : IAsyncLifetime
{
    private TestSpace.TestSpace _space = null!;
    private Party _provider = null!;
    private Party _consumer = null!;
    private WebApplication _endpoint = null!;
    private Func<NegotiationCallback, NegotiationAnswer> _answer = null!;
    private NegotiationMessage[] _unsignedAnswers = [];
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
            var answer = _answer(callback);
            var bytes = _unsignedAnswers.Contains(answer.Message) ? DomainJson.ToCanonicalOrderUtf8(answer) : SignedRecords.Write(answer, _provider.Keys.Signer);
            return Results.Bytes(bytes, "application/json");
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

    [Fact]
    public async Task An_agreement_answer_without_its_own_signature_is_taken_on_the_providers_signature_of_the_agreement()
    {
        _unsignedAnswers = [NegotiationMessage.ContractAgreement];
        _answer = c => c.Message == NegotiationMessage.AgreementVerification
            ? new NegotiationAnswer(NegotiationMessage.Finalize, c.NegotiationId)
            : Agree(c, _provider.Keys.Signer);

        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(_offerId), Token);

        Assert.True(view["state"]!.GetValue<string>() == "FINALIZED", view.ToJsonString());
        Assert.True(LedgerEntry.TryRead(view["agreement"], out var agreement).IsAccepted);
        Assert.True(agreement!.IsSignedBy(_provider.Keys.Signer.PublicKey));
        Assert.Equal(3, agreement.Signatures.Count);
    }

    [Fact]
    public async Task An_unsigned_answer_whose_agreement_someone_else_signed_is_terminated()
    {
        using var stranger = ParticipantKeys.Generate(_provider.Id);
        _unsignedAnswers = [NegotiationMessage.ContractAgreement];
        _answer = c => Agree(c, stranger.Signer);

        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(_offerId), Token);

        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        var reason = Assert.Single(view["reasons"]!.AsArray())!.GetValue<string>();
        Assert.Equal($"{_provider.Id}'s answer is not signed by its registered key.", reason);
        Assert.NotNull(view["ledgerIndex"]);
    }

    [Fact]
    public async Task An_unsigned_counter_offer_is_terminated_not_shown_to_the_consumer()
    {
        _unsignedAnswers = [NegotiationMessage.ContractOffer];
        _answer = c => new NegotiationAnswer(NegotiationMessage.ContractOffer, c.NegotiationId,
            CounterTerms: new RequestedTerms(["quality-analysis"], DateTimeOffset.UtcNow.Date.AddDays(-1), DateTimeOffset.UtcNow.Date.AddDays(30), MaxUses: 3));

        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(_offerId, maxUses: 50), Token);

        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        Assert.Null(view["counterTerms"]);
        var reason = Assert.Single(view["reasons"]!.AsArray())!.GetValue<string>();
        Assert.Equal($"{_provider.Id}'s answer is not signed by its registered key.", reason);
    }

    [Fact]
    public async Task An_answer_carrying_something_that_is_not_an_entry_is_terminated_as_a_protocol_error()
    {
        _answer = c => new NegotiationAnswer(NegotiationMessage.ContractAgreement, c.NegotiationId, JsonSerializer.SerializeToElement(new { type = "contract.agreement" }));

        var view = await SpaceScenario.NegotiateAsync(_consumer, SpaceScenario.Request(_offerId), Token);

        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        var reason = Assert.Single(view["reasons"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("The provider's ContractAgreement does not carry a signed entry: ", reason, StringComparison.Ordinal);
    }

    /// <summary>Agrees to the request as it stands (one the broker's policy allows), the agreement signed by <paramref name="signer"/>.</summary>
    private static NegotiationAnswer Agree(NegotiationCallback c, Ed25519Signer signer)
    {
        var brokerDecision = c.BrokerDecision!.Value;
        Assert.True(brokerDecision.GetProperty("allowed").GetBoolean());
        // The same policy, bundle and input as the broker's: the provider's decision is the same one.
        return AgreementAnswer(c, signer, brokerDecision);
    }

    /// <summary>Agrees to the request as it stands, carrying the broker's decision (a refusal with a counter-offer) as if it allowed.</summary>
    private NegotiationAnswer AgreeToWhatWasAsked(NegotiationCallback c)
    {
        var brokerDecision = c.BrokerDecision!.Value;
        Assert.False(brokerDecision.GetProperty("allowed").GetBoolean());
        Assert.Equal(JsonValueKind.Object, brokerDecision.GetProperty("result").GetProperty("counterOffer").ValueKind);
        var ownDecision = new JsonObject { ["allowed"] = true, ["result"] = new JsonObject { ["allow"] = true } };
        return AgreementAnswer(c, _provider.Keys.Signer, JsonSerializer.SerializeToElement(ownDecision));
    }

    /// <summary>An agreement on the request as it stands, signed by <paramref name="signer"/>, with the broker's decision and <paramref name="ownDecision"/>.</summary>
    private static NegotiationAnswer AgreementAnswer(NegotiationCallback c, Ed25519Signer signer, JsonElement ownDecision)
    {
        LedgerEntry.TryRead(c.Request!.Value, out var requestEntry);
        var request = DomainJson.Read<ContractRequest>(requestEntry!.Body, "the request").Value;
        var offer = c.Offer!;
        var agreement = new Agreement(NegotiationIds.Agreement(c.NegotiationId), c.NegotiationId, offer.Id, offer.AssetId, offer.Provider, request.Consumer,
            JsonSerializer.SerializeToElement(offer.Label), Agreement.Grant(offer, request), request.Purpose, request.Destination,
            [c.BrokerDecision!.Value, ownDecision], Timestamps.Now());
        var entry = LedgerEntry.FromRecord(Agreement.EntryType, agreement, [signer]);
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
