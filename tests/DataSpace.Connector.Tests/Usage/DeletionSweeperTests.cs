using System.Text;
using DataSpace.Connector.Common;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>The background job runs the sweep by itself, on its configured interval.</summary>
public sealed class DeletionSweeperTests
{
    [Fact]
    public async Task Sweeper_RunsEveryInterval_AndDeletesDataPastItsDeadline()
    {
        await using var s = await UsageScenario.StartAsync(new Dictionary<string, string?> { ["Connector:DeletionSweepInterval"] = "00:00:01" });
        var record = await s.ReceiveAsync(await s.AgreeAsync(), Encoding.UTF8.GetBytes("x"));
        s.Clock.Set(UsageScenario.DeleteBy);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await s.RecordAsync(record.TransferId))!.DeletionIndex is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotNull((await s.RecordAsync(record.TransferId))!.DeletionIndex);
        Assert.False(await s.Consumer.Service<ConnectorStores>().Received.ExistsAsync(record.BlobKey, TestContext.Current.CancellationToken));
    }
}
