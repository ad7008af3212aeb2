using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Connector.Received;
using DataSpace.Connector.Usage;
using DataSpace.Core.Json;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>The provider's <c>POST /notifications/usage</c>: only the agreement's consumer, with its own signature, for a transfer in the ledger.</summary>
public sealed class UsageNoticeTests : IAsyncLifetime
{
    private UsageScenario _s = null!;
    private ReceivedRecord _record = null!;

    public async ValueTask InitializeAsync()
    {
        _s = await UsageScenario.StartAsync();
        _record = await _s.ReceiveAsync(await _s.AgreeAsync(), Encoding.UTF8.GetBytes("data"));
    }

    public ValueTask DisposeAsync() => _s.DisposeAsync();

    private UsageNotice Notice(string? consumer = null) =>
        new(_record.TransferId, _record.AgreementId, consumer ?? UsageScenario.ConsumerId, UsageScenario.Purpose, UsageScenario.Start, 1);

    private Task<HttpResponseMessage> PostAsync(JsonObject body, string? caller = UsageScenario.ConsumerId)
    {
        var client = caller is null ? _s.Provider.ClientWithToken("") : _s.Provider.ClientWithToken(_s.Broker.Mint(caller));
        if (caller is null)
        {
            client.DefaultRequestHeaders.Authorization = null;
        }
        return client.PostAsJsonAsync("/" + UsageNotice.Path, body, TestContext.Current.CancellationToken);
    }

    private JsonObject Signed(UsageNotice notice, ParticipantKeys? signer = null) => SignedJson.Sign(DomainJson.ToNode(notice), (signer ?? _s.Consumer.Keys).Signer);

    [Fact]
    public async Task Post_SignedByTheConsumer_IsKept()
    {
        using var response = await PostAsync(Signed(Notice()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(_s.Notices());
        Assert.Equal(_record.TransferId, (string?)line["notice"]!["transferId"]);
        Assert.NotNull(line["notice"]!["signatures"]);
        Assert.Equal("2030-06-01T12:00:00Z", (string?)line["recordedAt"]);
    }

    [Fact]
    public async Task Post_WithoutAToken_Is401()
    {
        using var response = await PostAsync(Signed(Notice()), caller: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_s.Notices());
    }

    [Fact]
    public async Task Post_TokenOfAnotherParticipant_Is403()
    {
        using var response = await PostAsync(Signed(Notice()), caller: UsageScenario.ProviderId);

        Assert.Contains("the access token is", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
        Assert.Empty(_s.Notices());
    }

    [Fact]
    public async Task Post_NotSignedByTheConsumersRegisteredKey_Is403()
    {
        using var impostor = ParticipantKeys.Generate(UsageScenario.ConsumerId);

        using var response = await PostAsync(Signed(Notice(), impostor));

        Assert.Contains("not signed by", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
        Assert.Empty(_s.Notices());
    }

    [Fact]
    public async Task Post_AlteredAfterSigning_Is403()
    {
        var signed = Signed(Notice());
        signed["use"] = 0;

        using var response = await PostAsync(signed);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_Unsigned_Is403()
    {
        using var response = await PostAsync(DomainJson.ToNode(Notice()));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_UnknownMember_Is400()
    {
        var notice = DomainJson.ToNode(Notice());
        notice["extra"] = true;

        using var response = await PostAsync(SignedJson.Sign(notice, _s.Consumer.Keys.Signer));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_TransferNotUnderTheAgreement_Is404()
    {
        using var response = await PostAsync(Signed(Notice() with { TransferId = "transfer-unknown" }));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_AgreementOfAnotherConsumer_Is403()
    {
        const string stranger = "88.608.3003";
        using var keys = ParticipantKeys.Generate(stranger);
        _s.Broker.Register(keys, "http://stranger.test/");

        using var response = await PostAsync(Signed(Notice(stranger), keys), caller: stranger);

        Assert.Contains("is not between", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
    }
}
