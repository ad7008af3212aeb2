using System.Net;
using System.Text;
using DataSpace.Connector.Common;
using DataSpace.Core.Transfers;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>Fail closed: without the broker no data moves; a provider that dies mid-stream leaves nothing at the consumer. Each test has a space of its own.</summary>
public sealed class TransferFaultTests : IAsyncLifetime
{
    private readonly TransferScenario _s = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _s.InitializeAsync();

    public ValueTask DisposeAsync() => _s.DisposeAsync();

    [Fact]
    public async Task Receive_WhileTheBrokerIsDown_FailsClosed_ThenTheSameTransferIdSucceeds()
    {
        var agreementId = await _s.AgreeAsync(Encoding.UTF8.GetBytes("line,output\nA,42\n"));
        await TransferScenario.ReadAsync(await _s.ReceiveAsync(agreementId, "t-warm"));
        await _s.AgreementAsync(agreementId); // the test's own token for the consumer, fetched while the broker is up
        await _s.Space.Broker.App.StopAsync(Ct);

        await TransferScenario.ProblemAsync(await _s.ReceiveAsync(agreementId, "t-nobroker"), HttpStatusCode.ServiceUnavailable);
        using (var direct = TransferScenario.ConnectorAs(_s.Consumer, _s.Provider))
        {
            await TransferScenario.ProblemAsync(
                await direct.PostAsync("transfers", new StringContent($"{{\"agreementId\":\"{agreementId}\",\"transferId\":\"t-nobroker\"}}", Encoding.UTF8, "application/json"), Ct),
                HttpStatusCode.ServiceUnavailable);
        }
        Assert.False(await _s.Consumer.Connector!.Service<ConnectorStores>().Received.ExistsAsync($"{_s.Provider.Id}/t-nobroker", Ct));

        await _s.Space.RestartBrokerAsync(Ct);
        var response = await _s.ReceiveAsync(agreementId, "t-nobroker");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(await _s.TransferEntriesAsync("t-nobroker", TransferStarted.EntryType));
    }

    [Fact]
    public async Task Receive_WhenTheProviderDiesMidStream_KeepsNothing_AndEndsTheTransferTerminated()
    {
        var agreementId = await _s.AgreeAsync(new byte[48 << 20]);
        var receiving = _s.ReceiveAsync(agreementId, "t-killed");
        while ((await _s.TransferEntriesAsync("t-killed", TransferStarted.EntryType)).Count == 0)
        {
            await Task.Delay(5, Ct);
        }
        await _s.Provider.Connector!.App.StopAsync(new CancellationToken(canceled: true));

        var response = await receiving;

        await TransferScenario.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        var received = _s.Consumer.Connector!.Service<ConnectorStores>().Received;
        Assert.Empty(await received.ListAsync(cancellationToken: Ct).ToListAsync(Ct));
        var ended = Assert.Single(await _s.TransferEntriesAsync("t-killed", TransferTerminated.EntryType));
        Assert.True(ended.IsSignedBy(_s.Consumer.Keys.Signer.PublicKey));
        Assert.Empty(await _s.TransferEntriesAsync("t-killed", TransferCompleted.EntryType));
        Assert.Equal(0, (int?)(await _s.AgreementAsync(agreementId))["uses"]);
    }
}
