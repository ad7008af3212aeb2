namespace DataSpace.Ledger.Entries;

/// <summary>The outcome of checking one entry: accepted, or the fault and a sentence saying why.</summary>
/// <param name="Fault">What went wrong, or <see cref="EntryFault.None"/>.</param>
/// <param name="Reason">Why, for people; <c>null</c> when accepted.</param>
public sealed record EntryVerdict(EntryFault Fault, string? Reason)
{
    /// <summary>The accepted verdict.</summary>
    public static EntryVerdict Accepted { get; } = new(EntryFault.None, null);

    /// <summary>True when the entry was accepted.</summary>
    public bool IsAccepted => Fault == EntryFault.None;

    /// <summary>For a <see cref="EntryFault.RuleViolation"/>, the <see cref="IEntryRule.Name"/> of the rule that refused.</summary>
    public string? Rule { get; init; }

    /// <summary>For a <see cref="EntryFault.RuleViolation"/>, the rule's own reason (<see cref="Reason"/> adds the rule's name).</summary>
    internal string? RuleReason { get; init; }

    /// <summary>A refusal.</summary>
    public static EntryVerdict Refuse(EntryFault fault, string reason) => new(fault, reason);

    /// <summary>A refusal by the domain rule <paramref name="rule"/>.</summary>
    public static EntryVerdict RefuseByRule(string rule, string reason) =>
        new(EntryFault.RuleViolation, $"rule {rule}: {reason}") { Rule = rule, RuleReason = reason };

    /// <inheritdoc/>
    public override string ToString() => IsAccepted ? "accepted" : $"{Fault}: {Reason}";
}
