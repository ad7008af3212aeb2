using DataSpace.Connector.Hosting;

namespace DataSpace.Connector.Usage;

/// <summary>
/// Runs <see cref="DataDeletion.SweepAsync"/> at start and then every
/// <see cref="ConnectorOptions.DeletionSweepInterval"/> (at least a second) on the connector's clock,
/// so data is deleted at most one interval after its deadline — reads are refused from the deadline
/// on by the policy itself.
/// </summary>
internal sealed class DeletionSweeper(DataDeletion deletion, ConnectorOptions options, TimeProvider clock, ILogger<DeletionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.DeletionSweepInterval > TimeSpan.FromSeconds(1) ? options.DeletionSweepInterval : TimeSpan.FromSeconds(1);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await deletion.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                UsageLogMessages.SweepFailed(logger, e, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
