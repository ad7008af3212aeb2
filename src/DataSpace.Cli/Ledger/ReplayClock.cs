namespace DataSpace.Cli.Ledger;

/// <summary>
/// The clock a re-evaluated decision runs at: the instant the decision was recorded, so that
/// <c>time.now_ns</c> answers as it did then. Set before each evaluation; the audit's rules run
/// on one thread, in log order.
/// </summary>
internal sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
