using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.TestSpace;

namespace DataSpace.Broker.Tests.Flows;

/// <summary>The broker's state is the ledger's projection: after a restart on the same ledger (file or Azure) it is identical.</summary>
public sealed class RestartTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_restarted_broker_serves_the_same_state(bool ledgerOnAzurite)
    {
        await using var space = await TestSpace.TestSpace.StartAsync(new SpaceSettings { LedgerOnAzurite = ledgerOnAzurite }, Token);
        var provider = await space.AddAsync("88.608.1001", TestSpace.TestSpace.Enterprise("Steel", sector: "C31"), cancellationToken: Token);
        var consumer = await space.AddAsync("88.608.2002", TestSpace.TestSpace.Enterprise("Parts"), cancellationToken: Token);
        var asset = await SpaceScenario.UploadAsync(provider, "PRD-1", SpaceScenario.Label(), "a,b\n1,2\n"u8.ToArray(), Token);
        var offer = await SpaceScenario.PublishAsync(provider, asset["assetId"]!.GetValue<string>(), SpaceScenario.Terms(audience: consumer.Id), Token);
        var negotiated = await consumer.Local!.PostAsJsonAsync("negotiations", SpaceScenario.Request(offer["offer"]!["id"]!.GetValue<string>()), Token);
        var view = JsonNode.Parse(await negotiated.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("FINALIZED", view["state"]!.GetValue<string>());
        var agreementId = view["agreement"]!["body"]!["agreementId"]!.GetValue<string>();

        var before = await SnapshotAsync(space, consumer, agreementId);
        await space.RestartBrokerAsync(Token);
        var after = await SnapshotAsync(space, consumer, agreementId);

        Assert.Equal(before, after);
    }

    /// <summary>What the broker answers about participants, the catalog, an agreement and the ledger root.</summary>
    private static async Task<string> SnapshotAsync(TestSpace.TestSpace space, Party consumer, string agreementId)
    {
        var participants = await consumer.Broker.GetStringAsync("participants", Token);
        var catalog = await consumer.Broker.GetStringAsync("catalog", Token);
        var agreement = await consumer.Broker.GetStringAsync($"agreements/{agreementId}", Token);
        var checkpoint = (await consumer.Broker.GetStringAsync("ledger/checkpoint", Token)).Split("\n\n")[0];
        return string.Join("\n---\n", participants, catalog, agreement, checkpoint);
    }
}
