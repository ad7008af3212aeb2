using System.Net;
using System.Text;
using DataSpace.Connector.Hosting;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>A connector configured not to enforce a duty is refused data that carries it (R10, <c>subject.enforces</c>).</summary>
public sealed class EnforcedDutiesTests
{
    [Fact]
    public async Task Read_ConnectorNotEnforcingNotification_IsRefusedByThePolicy()
    {
        await using var s = await UsageScenario.StartAsync();
        // Set on the options object: configuration binding appends Connector:Enforces to the default list instead of replacing it.
        s.Consumer.Service<ConnectorOptions>().Enforces = ["delete_after", "encrypt", "log_usage"];
        var record = await s.ReceiveAsync(await s.AgreeAsync(), Encoding.UTF8.GetBytes("data"));

        using var response = await s.ReadAsync(record.TransferId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("R10 duties: the recipient's connector does not enforce notify_provider", problem.Detail(), StringComparison.Ordinal);
        Assert.Empty(s.Notices());
        Assert.Empty(s.UsageLog());
        Assert.Equal(0, (await s.RecordAsync(record.TransferId))!.Uses);
    }

    [Fact]
    public async Task Read_ProviderDutyNotEnforcedHere_IsRefusedNamingIt()
    {
        await using var s = await UsageScenario.StartAsync();
        s.Consumer.Service<ConnectorOptions>().Enforces = ["delete_after", "encrypt", "notify_provider", "log_usage"];
        var agreement = await s.AgreeAsync(UsageScenario.DefaultTerms with { NotifyProvider = false });
        var record = await s.ReceiveAsync(agreement, Encoding.UTF8.GetBytes("data"));
        s.Consumer.Service<ConnectorOptions>().Enforces = ["encrypt", "log_usage"];

        using var response = await s.ReadAsync(record.TransferId);

        // The policy names delete_after (R10); so does the connector's own check of the provider's obligations.
        Assert.Contains("delete_after", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
    }
}
