using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Core.Transfers;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>
/// SUSPENDED (DSP 2025-1): either party pauses a STARTED transfer, recorded in the ledger; only the
/// party that paused it lets it go on; a stream in flight is cut and nothing of it is kept; the
/// resumed transfer is still one use.
/// </summary>
public sealed class TransferSuspensionTests(TransferScenario s) : IClassFixture<TransferScenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Many 64 KiB age chunks, tagged so every asset differs.</summary>
    private static byte[] Csv(string tag, int lines = 12_000) => Encoding.UTF8.GetBytes($"line,output,tag\nA,42,{tag}\n" + string.Concat(Enumerable.Repeat("B,17,filler\n", lines)));

    [Fact]
    public async Task Suspended_by_the_provider_the_consumer_waits_until_the_provider_resumes_then_it_completes_as_one_use()
    {
        var agreementId = await s.AgreeAsync(Csv("provider-pause"));
        await s.StartAsConsumerAsync(agreementId, "t-ppause");

        var suspended = await TransferScenario.ReadAsync(await s.Provider.Local!.PostAsJsonAsync("transfers/t-ppause/suspension", new JsonObject { ["reason"] = "store maintenance" }, Ct));
        Assert.Equal(("SUSPENDED", s.Provider.Id), ((string?)suspended["state"], (string?)suspended["suspendedBy"]));
        var state = (await s.AgreementAsync(agreementId))["transfers"]![0]!;
        Assert.Equal(("SUSPENDED", s.Provider.Id), ((string?)state["state"], (string?)state["suspendedBy"]));

        var refused = await s.ReceiveAsync(agreementId, "t-ppause");
        Assert.Contains("SUSPENDED by the provider", await TransferScenario.ProblemAsync(refused, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var consumerCannotLift = await s.Consumer.Local!.PostAsync("transfers/t-ppause/resumption", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, consumerCannotLift.StatusCode);

        var resumed = await TransferScenario.ReadAsync(await s.Provider.Local!.PostAsync("transfers/t-ppause/resumption", null, Ct));
        Assert.Equal("STARTED", (string?)resumed["state"]);
        var received = await s.ReceiveAsync(agreementId, "t-ppause");

        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        Assert.Equal(2, (await s.TransferEntriesAsync("t-ppause", TransferStarted.EntryType)).Count);
        Assert.Single(await s.TransferEntriesAsync("t-ppause", TransferSuspended.EntryType));
        Assert.Single(await s.TransferEntriesAsync("t-ppause", TransferCompleted.EntryType));
        Assert.Equal(1, (int?)(await s.AgreementAsync(agreementId))["uses"]);
    }

    [Fact]
    public async Task Suspended_by_the_consumer_it_resumes_when_the_consumer_asks_again_and_the_provider_cannot_lift_it()
    {
        var agreementId = await s.AgreeAsync(Csv("consumer-pause"));
        await s.StartAsConsumerAsync(agreementId, "t-cpause");

        var suspended = await TransferScenario.ReadAsync(await s.Consumer.Local!.PostAsJsonAsync("received/t-cpause/suspension",
            new JsonObject { ["agreementId"] = agreementId, ["reason"] = "night tariff" }, Ct));
        Assert.Equal(("SUSPENDED", s.Consumer.Id), ((string?)suspended["state"], (string?)suspended["suspendedBy"]));
        var providerCannotLift = await s.Provider.Local!.PostAsync("transfers/t-cpause/resumption", null, Ct);
        Assert.Contains("not SUSPENDED by this provider", await TransferScenario.ProblemAsync(providerCannotLift, HttpStatusCode.Conflict), StringComparison.Ordinal);

        var received = await s.ReceiveAsync(agreementId, "t-cpause");

        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        Assert.Equal(2, (await s.TransferEntriesAsync("t-cpause", TransferStarted.EntryType)).Count);
        Assert.Equal(1, (int?)(await s.AgreementAsync(agreementId))["uses"]);
    }

    [Fact]
    public async Task A_suspension_cuts_the_stream_in_flight_so_no_part_passes_for_the_whole()
    {
        var agreementId = await s.AgreeAsync(Csv("mid-stream", lines: 3_000_000));
        using var direct = TransferScenario.ConnectorAs(s.Consumer, s.Provider);
        await TransferScenario.ReadAsync(await direct.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = "t-midpause" }, Ct));
        using var stream = await direct.GetAsync("transfers/t-midpause/content", HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = await stream.Content.ReadAsStreamAsync(Ct);
        await body.ReadExactlyAsync(new byte[100_000], Ct);

        await TransferScenario.ReadAsync(await s.Provider.Local!.PostAsync("transfers/t-midpause/suspension", null, Ct));

        await Assert.ThrowsAnyAsync<Exception>(() => body.CopyToAsync(Stream.Null, Ct));
        Assert.Equal("SUSPENDED", (string?)(await s.AgreementAsync(agreementId))["transfers"]![0]!["state"]);
        var content = await direct.GetAsync("transfers/t-midpause/content", Ct);
        Assert.Contains("SUSPENDED in the ledger", await TransferScenario.ProblemAsync(content, HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_that_suspends_while_receiving_keeps_nothing_and_resumes_it_later_as_one_use()
    {
        var content = Csv("consumer-mid-stream", lines: 3_000_000);
        var agreementId = await s.AgreeAsync(content);
        var receiving = s.ReceiveAsync(agreementId, "t-cmid");

        HttpResponseMessage suspension;
        do
        {
            // Until the connector has begun to receive, it does not know the transfer (and asks for the agreement id).
            suspension = await s.Consumer.Local!.PostAsJsonAsync("received/t-cmid/suspension", new JsonObject { ["reason"] = "bandwidth needed elsewhere" }, Ct);
        }
        while (suspension.StatusCode == HttpStatusCode.BadRequest && !receiving.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, suspension.StatusCode);

        var stopped = await receiving;
        Assert.Contains("SUSPENDED by " + s.Consumer.Id, await TransferScenario.ProblemAsync(stopped, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Consumer.Local!.GetAsync("received/t-cmid", Ct)).StatusCode);

        var resumed = await s.ReceiveAsync(agreementId, "t-cmid");
        Assert.Equal(HttpStatusCode.Created, resumed.StatusCode);
        Assert.Equal(1, (int?)(await s.AgreementAsync(agreementId))["uses"]);
        Assert.Empty(await s.TransferEntriesAsync("t-cmid", TransferTerminated.EntryType));
    }

    [Fact]
    public async Task Only_a_started_transfer_is_suspended_and_bad_requests_say_why()
    {
        var agreementId = await s.AgreeAsync(Csv("not-started"));

        var never = await s.Provider.Local!.PostAsync("transfers/t-never/suspension", null, Ct);
        Assert.Contains("never started", await TransferScenario.ProblemAsync(never, HttpStatusCode.NotFound), StringComparison.Ordinal);
        var noAgreement = await s.Consumer.Local!.PostAsJsonAsync("received/t-never/suspension", new JsonObject(), Ct);
        Assert.Contains("agreementId is required", await TransferScenario.ProblemAsync(noAgreement, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var notStarted = await s.Consumer.Local!.PostAsJsonAsync("received/t-never/suspension", new JsonObject { ["agreementId"] = agreementId }, Ct);
        Assert.Contains("was never started", await TransferScenario.ProblemAsync(notStarted, HttpStatusCode.Conflict), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await s.ReceiveAsync(agreementId, "t-done")).StatusCode);
        var done = await s.Consumer.Local!.PostAsJsonAsync("received/t-done/suspension", new JsonObject { ["agreementId"] = agreementId }, Ct);
        Assert.Contains("COMPLETED", await TransferScenario.ProblemAsync(done, HttpStatusCode.Conflict), StringComparison.Ordinal);
    }
}
