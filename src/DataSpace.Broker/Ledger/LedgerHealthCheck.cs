using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataSpace.Broker.Ledger;

/// <summary>Ready while the ledger can sign a checkpoint of its current size: a failed store stops every state change.</summary>
internal sealed class LedgerHealthCheck(BrokerLedger ledger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var checkpoint = await ledger.Log.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{checkpoint.Checkpoint.Size} entries");
        }
        catch (IOException e)
        {
            return HealthCheckResult.Unhealthy("The ledger store failed; restart the broker to reopen it.", e);
        }
    }
}
