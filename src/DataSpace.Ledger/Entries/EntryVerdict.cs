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

    /// <summary>A refusal.</summary>
    public static EntryVerdict Refuse(EntryFault fault, string reason) => new(fault, reason);

    /// <inheritdoc/>
    public override string ToString() => IsAccepted ? "accepted" : $"{Fault}: {Reason}";
}
