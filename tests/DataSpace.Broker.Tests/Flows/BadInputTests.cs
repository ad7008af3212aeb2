using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;
using DataSpace.TestSpace;

namespace DataSpace.Broker.Tests.Flows;

/// <summary>Every broker endpoint answers bad input with a 4xx problem+json that says what was wrong, and records nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestSpace.TestSpace _space = null!;
    private Party _provider = null!;
    private Party _consumer = null!;
    private string _offerId = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _space = await TestSpace.TestSpace.StartAsync(cancellationToken: Token);
        _provider = await _space.AddAsync("88.608.1001", TestSpace.TestSpace.Enterprise("Steel", sector: "C31"), cancellationToken: Token);
        _consumer = await _space.AddAsync("88.608.2002", TestSpace.TestSpace.Enterprise("Parts"), withConnector: false, cancellationToken: Token);
        var asset = await SpaceScenario.UploadAsync(_provider, "PRD-1", SpaceScenario.Label(), "a,b\n1,2\n"u8.ToArray(), Token);
        var offer = await SpaceScenario.PublishAsync(_provider, asset["assetId"]!.GetValue<string>(), SpaceScenario.Terms(audience: _consumer.Id), Token);
        _offerId = offer["offer"]!["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync() => await _space.DisposeAsync();

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_position()
    {
        var response = await _consumer.Broker.PostAsync("negotiations", new StringContent("{\"type\": ", Encoding.UTF8, "application/json"), Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task A_call_without_an_access_token_is_a_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _space.Broker.Url };
        var response = await anonymous.PostAsJsonAsync("negotiations", new JsonObject(), Token);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "needs a space access token");
    }

    [Fact]
    public async Task The_operator_credential_on_a_participant_endpoint_is_a_401_saying_it_is_no_access_token()
    {
        var response = await _space.Operator.PostAsJsonAsync("negotiations", new JsonObject(), Token);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not a JWT access token");
    }

    [Fact]
    public async Task A_request_signed_by_another_key_than_the_callers_is_forbidden()
    {
        using var stranger = ParticipantKeys.Generate(_consumer.Id);
        var response = await _consumer.Broker.PostAsJsonAsync("negotiations", RequestEntry(_consumer.Id, stranger).ToJson(), Token);
        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "valid signature");
    }

    [Fact]
    public async Task A_request_for_another_consumer_than_the_token_subject_is_forbidden()
    {
        var response = await _consumer.Broker.PostAsJsonAsync("negotiations", RequestEntry(_provider.Id, _provider.Keys).ToJson(), Token);
        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "cannot request a contract for");
    }

    [Fact]
    public async Task An_entry_without_signatures_is_a_400()
    {
        var json = RequestEntry(_consumer.Id, _consumer.Keys).ToJson();
        json["signatures"] = new JsonArray();
        var response = await _consumer.Broker.PostAsJsonAsync("negotiations", json, Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "signatures");
    }

    [Fact]
    public async Task An_unknown_offer_is_a_404()
    {
        var response = await _consumer.Broker.PostAsJsonAsync("negotiations", RequestEntry(_consumer.Id, _consumer.Keys, offerId: "88.608.1001/NOPE#1").ToJson(), Token);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not in the catalog");
    }

    [Fact]
    public async Task A_message_after_the_negotiation_ended_is_a_409_with_the_state()
    {
        var created = await _consumer.Broker.PostAsJsonAsync("negotiations", RequestEntry(_consumer.Id, _consumer.Keys, purpose: "marketing").ToJson(), Token);
        var view = JsonNode.Parse(await created.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("TERMINATED", view["state"]!.GetValue<string>());
        var id = view["negotiationId"]!.GetValue<string>();
        var again = await _consumer.Broker.PostAsJsonAsync($"negotiations/{id}/verification", RequestEntry(_consumer.Id, _consumer.Keys).ToJson(), Token);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "TERMINATED");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var huge = new JsonObject { ["padding"] = new string('x', 2 << 20) };
        // The broker answers from Content-Length and closes the connection without reading the body;
        // a client that sends it anyway may see the reset before the answer. Asking first (as a
        // client sending a large body should) makes the answer what the client reads.
        using var request = new HttpRequestMessage(HttpMethod.Post, "negotiations") { Content = JsonContent.Create(huge) };
        request.Headers.ExpectContinue = true;
        await request.Content.LoadIntoBufferAsync(Token);
        var response = await _consumer.Broker.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Registering_with_a_bad_attribute_names_it_and_records_nothing()
    {
        using var keys = ParticipantKeys.Generate("88.608.9009");
        var attributes = TestSpace.TestSpace.Enterprise("Bad");
        attributes["securityProfile"] = 9;
        var size = await LedgerSizeAsync();
        var response = await _space.Operator.PostAsJsonAsync("participants", TestSpace.TestSpace.RegistrationOf(keys, attributes).ToJson(), Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "securityProfile");
        Assert.Equal(size, await LedgerSizeAsync());
    }

    [Fact]
    public async Task Registering_without_the_operator_credential_is_a_401()
    {
        using var keys = ParticipantKeys.Generate("88.608.9010");
        var response = await _consumer.Broker.PostAsJsonAsync("participants", TestSpace.TestSpace.RegistrationOf(keys, TestSpace.TestSpace.Enterprise("X")).ToJson(), Token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_suspended_participant_gets_no_token_and_a_reinstated_one_does()
    {
        var suspend = await _space.Operator.PostAsJsonAsync($"participants/{_consumer.Id}/status", new { status = "suspended", reason = "audit pending" }, Token);
        Assert.True(suspend.IsSuccessStatusCode, await suspend.Content.ReadAsStringAsync(Token));
        _consumer.Tokens.Invalidate();
        await Assert.ThrowsAsync<DataSpace.Hosting.Tokens.SpaceTokenException>(async () => await _consumer.Tokens.GetAccessTokenAsync(Token));
        var reinstate = await _space.Operator.PostAsJsonAsync($"participants/{_consumer.Id}/status", new { status = "active", reason = "cleared" }, Token);
        Assert.True(reinstate.IsSuccessStatusCode);
        Assert.NotEmpty(await _consumer.Tokens.GetAccessTokenAsync(Token));
    }

    private LedgerEntry RequestEntry(string consumer, ParticipantKeys signer, string? offerId = null, string purpose = "quality-analysis")
    {
        var request = new ContractRequest(Guid.NewGuid().ToString("N"), offerId ?? _offerId, consumer, purpose, "CN", "copy",
            new RequestedTerms([purpose], Timestamps.Now().AddDays(-1), Timestamps.Now().AddDays(20), 3), Timestamps.Now());
        return LedgerEntry.Create(ContractRequest.EntryType, DomainJson.ToNode(request), [signer.Signer]);
    }

    private async Task<string> LedgerSizeAsync() => (await _consumer.Broker.GetStringAsync("ledger/checkpoint", Token)).Split('\n')[1];

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detailPart, JsonNode.Parse(body)!["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
