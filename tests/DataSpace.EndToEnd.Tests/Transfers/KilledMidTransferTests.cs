using System.Net;
using System.Text.Json.Nodes;
using DataSpace.Core.Transfers;

namespace DataSpace.EndToEnd.Tests.Transfers;

/// <summary>
/// A connector process killed (SIGKILL) while a large asset is streaming between the two: nothing
/// partial is kept or shown at the consumer — no readable blob, nothing listed, no journal or
/// temporary file once done — and after the killed connector restarts on the same configuration, the
/// same transfer id completes with the provider's exact bytes. The ledger audits clean after each crash.
/// </summary>
public sealed class KilledMidTransferTests(CrashSpace space) : IClassFixture<CrashSpace>
{
    [Fact]
    public async Task ConsumerKilledMidStream_KeepsNothingReadable_AndTheSameTransferIdSucceedsAfterItsRestart()
    {
        const string transferId = "t-consumer-killed";
        var receiving = await space.KillMidStreamAsync(transferId, space.Consumer);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => receiving); // the connector died under its caller
        Assert.DoesNotContain(space.BlobKey(transferId), await space.CommittedBlobsAsync());
        await CrashSpace.Process(space.Consumer).StartAgainAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(transferId, await space.ListedAsync());
        using (var one = await space.Consumer.Local.GetAsync($"received/{transferId}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        }

        await AssertRetrySucceedsAsync(transferId);
        Assert.Equal([TransferStarted.EntryType, TransferCompleted.EntryType], (await space.LedgerAsync(transferId)).Select(e => e.Type));
        await AssertAuditVerifiesAsync();
    }

    [Fact]
    public async Task ProviderKilledMidStream_TheConsumerKeepsNothingAndEndsTheTransfer_AndTheSameTransferIdSucceedsAfterTheRestart()
    {
        const string transferId = "t-provider-killed";
        var receiving = await space.KillMidStreamAsync(transferId, space.Provider);

        using (var refused = await receiving)
        {
            var problem = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode}: {problem}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.DoesNotContain(space.BlobKey(transferId), await space.CommittedBlobsAsync());
        Assert.DoesNotContain(transferId, await space.ListedAsync());
        Assert.Empty(space.ConsumerLeftovers());
        var ended = (await space.LedgerAsync(transferId)).Last();
        Assert.Equal(TransferTerminated.EntryType, ended.Type);
        Assert.True(ended.IsSignedBy(space.Consumer.Keys.Signer.PublicKey), "the consumer records the cut transfer TERMINATED");

        await CrashSpace.Process(space.Provider).StartAgainAsync(TestContext.Current.CancellationToken);
        await AssertRetrySucceedsAsync(transferId);
        Assert.Equal(
            [TransferStarted.EntryType, TransferTerminated.EntryType, TransferStarted.EntryType, TransferCompleted.EntryType],
            (await space.LedgerAsync(transferId)).Select(e => e.Type));
        await AssertAuditVerifiesAsync();
    }

    /// <summary>The same transfer id again: the provider's exact bytes, readable, listed, and nothing else left behind.</summary>
    private async Task AssertRetrySucceedsAsync(string transferId)
    {
        using var retried = await space.ReceiveAsync(transferId);
        var text = await retried.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(retried.StatusCode == HttpStatusCode.Created, $"retry of {transferId}: {(int)retried.StatusCode} {text}");
        var record = JsonNode.Parse(text)!;
        Assert.Equal(space.Asset.Sha256, record["plaintextSha256"]!.GetValue<string>());
        Assert.Equal(space.Asset.Size, record["size"]!.GetValue<long>());
        Assert.Contains(transferId, await space.ListedAsync());
        Assert.Contains(space.BlobKey(transferId), await space.CommittedBlobsAsync());
        Assert.Equal(await space.CommittedBlobsAsync(), await space.AllBlobsAsync()); // the cut attempt's staged blocks are gone too
        Assert.Empty(space.ConsumerLeftovers());
    }

    private async Task AssertAuditVerifiesAsync()
    {
        var audit = await space.AuditAsync();
        Assert.True(audit.ExitCode == 0, audit.ToString());
    }
}
