namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>What one action of the story produced: the decision and, in words, why (the policy's reasons, the ledger index, the digest).</summary>
/// <param name="Decision">Allowed, denied, or failed.</param>
/// <param name="Reason">Why, as the space said it.</param>
internal sealed record Outcome(Decision Decision, string Reason)
{
    public static Outcome Allow(string reason) => new(Decision.Allow, reason);

    public static Outcome Deny(string reason) => new(Decision.Deny, reason);

    public static Outcome Error(string reason) => new(Decision.Error, reason);
}
