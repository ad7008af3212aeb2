using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Connector.Transfers;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Age;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>
/// Transfers between two real connectors through a real broker (DESIGN §5 step 4): the data moves
/// only after the contract check, arrives encrypted to the consumer, and the ledger tells exactly
/// what happened — one use per transfer, whatever the retries.
/// </summary>
public sealed class TransferFlowTests(TransferScenario s) : IClassFixture<TransferScenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>More than one 64 KiB age chunk, tagged so every asset differs.</summary>
    private static byte[] Csv(string tag) => Encoding.UTF8.GetBytes($"line,output,tag\nA,42,{tag}\n" + string.Concat(Enumerable.Repeat("B,17,filler\n", 12_000)));

    [Fact]
    public async Task Receive_StoresTheAssetEncryptedToTheConsumer_AndTheLedgerShowsItStartedThenCompleted()
    {
        var content = Csv("happy");
        var agreementId = await s.AgreeAsync(content);

        var response = await s.ReceiveAsync(agreementId, "t-happy");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var record = await TransferScenario.ReadAsync(response);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), (string?)record["plaintextSha256"]);
        Assert.Equal(content.Length, (long?)record["size"]);
        Assert.Contains(record["obligations"]!.AsArray(), o => (string?)o!["type"] == "log_usage");
        Assert.Equal(content, await StoredPlaintextAsync((string)record["blobKey"]!));

        var started = Assert.Single(await s.TransferEntriesAsync("t-happy", TransferStarted.EntryType));
        Assert.True(started.IsSignedBy(s.Provider.Keys.Signer.PublicKey));
        var decision = DomainJson.Read<TransferStarted>(started.Body, "transfer.started").Value.Decision;
        Assert.True((bool?)decision["allowed"]);
        Assert.Equal("transfer", (string?)decision["input"]!["action"]);
        var completed = Assert.Single(await s.TransferEntriesAsync("t-happy", TransferCompleted.EntryType));
        Assert.True(completed.IsSignedBy(s.Provider.Keys.Signer.PublicKey) && completed.IsSignedBy(s.Consumer.Keys.Signer.PublicKey));
        var view = await s.AgreementAsync(agreementId);
        Assert.Equal(1, (int?)view["uses"]);
        Assert.Equal("COMPLETED", (string?)view["transfers"]![0]!["state"]);
    }

    [Fact]
    public async Task Receive_TheSameTransferIdAgain_AnswersTheSameRecordWithoutASecondUse()
    {
        var agreementId = await s.AgreeAsync(Csv("again"));
        var first = await TransferScenario.ReadAsync(await s.ReceiveAsync(agreementId, "t-again"));

        var response = await s.ReceiveAsync(agreementId, "t-again");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first.ToJsonString(), (await TransferScenario.ReadAsync(response)).ToJsonString());
        Assert.Single(await s.TransferEntriesAsync("t-again", TransferStarted.EntryType));
        Assert.Equal(1, (int?)(await s.AgreementAsync(agreementId))["uses"]);
    }

    [Fact]
    public async Task Provider_WitnessesTheLedger_AndTheBrokerKeepsItsCosignature()
    {
        var agreementId = await s.AgreeAsync(Csv("witness"));
        await TransferScenario.ReadAsync(await s.ReceiveAsync(agreementId, "t-witness"));

        var state = await File.ReadAllTextAsync(Path.Combine(s.Provider.Connector!.DataDirectory, "witness", "checkpoint"), Ct);
        var size = ulong.Parse(state.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
        using var broker = new HttpClient { BaseAddress = s.Space.Broker.Url };
        var cosigned = await broker.GetStringAsync($"ledger/checkpoint/cosigned?size={size}", Ct);
        Assert.Contains($"\u2014 {s.Provider.Id} ", cosigned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_AfterTheLastUse_IsDeniedWithThePolicyReasons_AndNothingStarts()
    {
        var agreementId = await s.AgreeAsync(Csv("once"), maxUses: 1);
        await TransferScenario.ReadAsync(await s.ReceiveAsync(agreementId, "t-once-1"));

        var detail = await TransferScenario.ProblemAsync(await s.ReceiveAsync(agreementId, "t-once-2"), HttpStatusCode.Forbidden);

        Assert.Contains("R9 count", detail, StringComparison.Ordinal);
        Assert.Empty(await s.TransferEntriesAsync("t-once-2", TransferStarted.EntryType));
        Assert.False(await s.Consumer.Connector!.Service<ConnectorStores>().Received.ExistsAsync($"{s.Provider.Id}/t-once-2", Ct));
    }

    [Fact]
    public async Task Receive_RetryAfterTheConsumerVanishedMidStream_ResumesWithoutASecondStartedEntry()
    {
        var content = Csv("cut");
        var agreementId = await s.AgreeAsync(content);
        using (var direct = TransferScenario.ConnectorAs(s.Consumer, s.Provider))
        {
            var ticket = await TransferScenario.ReadAsync(await direct.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = "t-cut" }, Ct));
            Assert.False((bool?)ticket["resumed"]);
            using var stream = await direct.GetAsync("transfers/t-cut/content", HttpCompletionOption.ResponseHeadersRead, Ct);
            await using var body = await stream.Content.ReadAsStreamAsync(Ct);
            await body.ReadExactlyAsync(new byte[1000], Ct);
        }
        Assert.Equal("STARTED", (string?)(await s.AgreementAsync(agreementId))["transfers"]![0]!["state"]);

        var record = await TransferScenario.ReadAsync(await s.ReceiveAsync(agreementId, "t-cut"));

        Assert.Equal(content, await StoredPlaintextAsync((string)record["blobKey"]!));
        Assert.Single(await s.TransferEntriesAsync("t-cut", TransferStarted.EntryType));
        Assert.Single(await s.TransferEntriesAsync("t-cut", TransferCompleted.EntryType));
        Assert.Equal(1, (int?)(await s.AgreementAsync(agreementId))["uses"]);
    }

    [Fact]
    public async Task Receive_RetryAfterATermination_StartsAgain_AndCountsOneUse()
    {
        var agreementId = await s.AgreeAsync(Csv("terminated"));
        await s.StartAsConsumerAsync(agreementId, "t-term");
        await s.TerminateAsConsumerAsync("t-term", agreementId);
        Assert.Equal(0, (int?)(await s.AgreementAsync(agreementId))["uses"]);

        var response = await s.ReceiveAsync(agreementId, "t-term");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await s.TransferEntriesAsync("t-term", TransferStarted.EntryType)).Count);
        Assert.Single(await s.TransferEntriesAsync("t-term", TransferTerminated.EntryType));
        Assert.Single(await s.TransferEntriesAsync("t-term", TransferCompleted.EntryType));
        Assert.Equal(1, (int?)(await s.AgreementAsync(agreementId))["uses"]);
    }

    [Fact]
    public async Task Start_OfACompletedTransfer_IsAConflict()
    {
        var agreementId = await s.AgreeAsync(Csv("completed"));
        await TransferScenario.ReadAsync(await s.ReceiveAsync(agreementId, "t-done"));
        using var direct = TransferScenario.ConnectorAs(s.Consumer, s.Provider);

        var detail = await TransferScenario.ProblemAsync(
            await direct.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = "t-done" }, Ct), HttpStatusCode.Conflict);

        Assert.Contains("COMPLETED", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ByAParticipantThatIsNotTheConsumer_IsForbidden_AndNothingStarts()
    {
        var agreementId = await s.AgreeAsync(Csv("stranger"));
        using var stranger = TransferScenario.ConnectorAs(s.Stranger, s.Provider);

        var detail = await TransferScenario.ProblemAsync(
            await stranger.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = "t-stranger" }, Ct), HttpStatusCode.Forbidden);

        Assert.Contains("not the consumer", detail, StringComparison.Ordinal);
        Assert.Empty(await s.TransferEntriesAsync("t-stranger", TransferStarted.EntryType));
    }

    [Fact]
    public async Task ProviderEndpoints_WithoutAnAccessToken_AreUnauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = s.Provider.Connector!.Url };

        var start = await anonymous.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = "a", ["transferId"] = "t" }, Ct);
        var content = await anonymous.GetAsync("transfers/t/content", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, content.StatusCode);
    }

    [Theory]
    [InlineData("{\"agreementId\":\"agr-unknown\",\"transferId\":\"t-1\"}", HttpStatusCode.NotFound)]
    [InlineData("{\"agreementId\":\"agr-x\",\"transferId\":\"../etc\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"agreementId\":\"agr-x\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"agreementId\":\"agr-x\",\"transferId\":\"t-1\",\"extra\":1}", HttpStatusCode.BadRequest)]
    [InlineData("[1]", HttpStatusCode.BadRequest)]
    public async Task Start_BadRequests_AreProblems(string body, HttpStatusCode status)
    {
        using var direct = TransferScenario.ConnectorAs(s.Consumer, s.Provider);

        await TransferScenario.ProblemAsync(await direct.PostAsync("transfers", new StringContent(body, Encoding.UTF8, "application/json"), Ct), status);
    }

    [Fact]
    public async Task Completion_WithAReceiptThatDoesNotMatchOrIsNotTheConsumers_IsRefused_ThenTheRightOneIsRecorded()
    {
        var agreementId = await s.AgreeAsync(Csv("receipt"));
        using var direct = TransferScenario.ConnectorAs(s.Consumer, s.Provider);
        await TransferScenario.ReadAsync(await direct.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = "t-receipt" }, Ct));
        var ciphertext = await direct.GetByteArrayAsync("transfers/t-receipt/content", Ct);
        var cipherSha = Convert.ToHexStringLower(SHA256.HashData(ciphertext));
        await TransferScenario.ProblemAsync(await direct.GetAsync("transfers/t-receipt/manifest", Ct), HttpStatusCode.BadRequest);
        await TransferScenario.ProblemAsync(await direct.GetAsync($"transfers/t-receipt/manifest?ciphertextSha256={new string('0', 64)}", Ct), HttpStatusCode.NotFound);
        var manifest = await TransferScenario.ReadAsync(await direct.GetAsync($"transfers/t-receipt/manifest?ciphertextSha256={cipherSha}", Ct));
        var receipt = new TransferCompleted("t-receipt", agreementId, (string)manifest["plaintext"]!["sha256"]!, cipherSha, (long)manifest["plaintext"]!["size"]!,
            TransferManifests.Sha256(manifest), Timestamps.Now());

        var wrong = await direct.PostAsJsonAsync("transfers/t-receipt/completion", Entry(receipt with { PlaintextSha256 = new string('1', 64) }, s.Consumer).ToJson(), Ct);
        var foreign = await direct.PostAsJsonAsync("transfers/t-receipt/completion", Entry(receipt, s.Stranger).ToJson(), Ct);
        var right = await direct.PostAsJsonAsync("transfers/t-receipt/completion", Entry(receipt, s.Consumer).ToJson(), Ct);

        Assert.Contains("plaintextSha256", await TransferScenario.ProblemAsync(wrong, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await TransferScenario.ProblemAsync(foreign, HttpStatusCode.Forbidden);
        Assert.Equal("COMPLETED", (string?)(await TransferScenario.ReadAsync(right))["state"]);
        var completed = Assert.Single(await s.TransferEntriesAsync("t-receipt", TransferCompleted.EntryType));
        Assert.True(completed.IsSignedBy(s.Provider.Keys.Signer.PublicKey) && completed.IsSignedBy(s.Consumer.Keys.Signer.PublicKey));
    }

    [Fact]
    public async Task Content_OfAnotherConsumersTransfer_IsNotFound()
    {
        var agreementId = await s.AgreeAsync(Csv("theirs"));
        using (var direct = TransferScenario.ConnectorAs(s.Consumer, s.Provider))
        {
            await TransferScenario.ReadAsync(await direct.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = "t-theirs" }, Ct));
        }
        using var stranger = TransferScenario.ConnectorAs(s.Stranger, s.Provider);

        await TransferScenario.ProblemAsync(await stranger.GetAsync("transfers/t-theirs/content", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Receive_WhenTheAssetIsGoneAtTheProvider_IsAConflict_AndNothingStarts()
    {
        var agreementId = await s.AgreeAsync(Csv("gone"));
        await s.Provider.Connector!.Service<ConnectorStores>().Assets.DeleteAsync(s.LastAssetId, Ct);

        var detail = await TransferScenario.ProblemAsync(await s.ReceiveAsync(agreementId, "t-gone"), HttpStatusCode.Conflict);

        Assert.Contains("no longer stored", detail, StringComparison.Ordinal);
        Assert.Empty(await s.TransferEntriesAsync("t-gone", TransferStarted.EntryType));
    }

    [Fact]
    public async Task Receive_BadRequests_AreProblems()
    {
        using var noCredential = new HttpClient { BaseAddress = s.Consumer.Connector!.Url };

        await TransferScenario.ProblemAsync(await s.ReceiveAsync("agr-unknown"), HttpStatusCode.NotFound);
        await TransferScenario.ProblemAsync(await s.ReceiveAsync("agr-x", "bad id"), HttpStatusCode.BadRequest);
        await TransferScenario.ProblemAsync(await noCredential.PostAsJsonAsync("received", new JsonObject { ["agreementId"] = "a" }, Ct), HttpStatusCode.Unauthorized);
    }

    private static LedgerEntry Entry(TransferCompleted receipt, TestSpace.Party signer) =>
        LedgerEntry.Create(TransferCompleted.EntryType, DomainJson.ToNode(receipt), [signer.Keys.Signer]);

    /// <summary>The consumer's stored blob: an age file that only the consumer's identity opens.</summary>
    private async Task<byte[]> StoredPlaintextAsync(string blobKey)
    {
        await using var blob = (await s.Consumer.Connector!.Service<ConnectorStores>().Received.OpenReadAsync(blobKey, Ct))!;
        using var ciphertext = new MemoryStream();
        await blob.Content.CopyToAsync(ciphertext, Ct);
        Assert.StartsWith("age-encryption.org/v1\n", Encoding.ASCII.GetString(ciphertext.GetBuffer(), 0, 22), StringComparison.Ordinal);
        ciphertext.Position = 0;
        using var plaintext = new MemoryStream();
        await AgeDecryptor.DecryptAsync(ciphertext, plaintext, [s.Consumer.Keys.AgeIdentity], Ct);
        return plaintext.ToArray();
    }
}
