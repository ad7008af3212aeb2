using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Core.Transfers;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>The transfer with both connectors' blob stores in Azure Blob Storage: the same guarantees as on files.</summary>
public sealed class TransferOnAzuriteTests(AzuriteTransferScenario s) : IClassFixture<AzuriteTransferScenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Csv(string tag) => Encoding.UTF8.GetBytes($"line,output,tag\nA,42,{tag}\n" + string.Concat(Enumerable.Repeat("B,17,filler\n", 12_000)));

    [Fact]
    public async Task Receive_FromAndIntoAzureBlobs_StoresTheVerifiedCiphertext()
    {
        var content = Csv("azure");
        var agreementId = await s.AgreeAsync(content);

        var record = await TransferScenario.ReadAsync(await s.ReceiveAsync(agreementId, "t-azure"));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), (string?)record["plaintextSha256"]);
        var stored = await s.Consumer.Connector!.Service<ConnectorStores>().Received.GetInfoAsync((string)record["blobKey"]!, Ct);
        var completed = Assert.Single(await s.TransferEntriesAsync("t-azure", TransferCompleted.EntryType));
        Assert.Equal(completed.Body.GetProperty("ciphertextSha256").GetString(), stored!.Sha256);
    }

    [Fact]
    public async Task Receive_RetryAfterTheConsumerVanishedMidStream_PublishedNothingInBetween()
    {
        var agreementId = await s.AgreeAsync(Csv("azure-cut"));
        using (var direct = TransferScenario.ConnectorAs(s.Consumer, s.Provider))
        {
            await TransferScenario.ReadAsync(await direct.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = "t-azure-cut" }, Ct));
            using var stream = await direct.GetAsync("transfers/t-azure-cut/content", HttpCompletionOption.ResponseHeadersRead, Ct);
            await using var body = await stream.Content.ReadAsStreamAsync(Ct);
            await body.ReadExactlyAsync(new byte[1000], Ct);
        }
        var received = s.Consumer.Connector!.Service<ConnectorStores>().Received;
        Assert.False(await received.ExistsAsync($"{s.Provider.Id}/t-azure-cut", Ct));

        var response = await s.ReceiveAsync(agreementId, "t-azure-cut");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await received.ExistsAsync($"{s.Provider.Id}/t-azure-cut", Ct));
        Assert.Single(await s.TransferEntriesAsync("t-azure-cut", TransferStarted.EntryType));
    }
}
