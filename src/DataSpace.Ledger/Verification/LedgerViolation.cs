using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Verification;

/// <summary>One problem found by an audit, located by entry index and/or checkpoint size.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Index">The entry index it concerns, or the first index of a range; null when it concerns no entry.</param>
/// <param name="EndIndex">The last index of a range (inclusive) when the problem cannot be narrowed to one entry.</param>
/// <param name="CheckpointSize">The size of the checkpoint it concerns, if any.</param>
/// <param name="Fault">For <see cref="ViolationKind.EntryRefused"/>, why the log would refuse the entry.</param>
/// <param name="Reason">A sentence for people.</param>
public sealed record LedgerViolation(ViolationKind Kind, ulong? Index, ulong? EndIndex, ulong? CheckpointSize, EntryFault? Fault, string Reason)
{
    /// <summary>For <see cref="ViolationKind.InvariantBroken"/>, the name of the domain rule that refused the entry (e.g. <c>space</c>).</summary>
    public string? Rule { get; init; }

    /// <summary>The type of the entry concerned, when it could be decoded.</summary>
    public string? EntryType { get; init; }

    /// <summary>A violation at one entry.</summary>
    public static LedgerViolation AtEntry(ViolationKind kind, ulong index, string reason, EntryFault? fault = null) =>
        new(kind, index, null, null, fault, reason);

    /// <summary>A violation concerning a checkpoint.</summary>
    public static LedgerViolation AtCheckpoint(ViolationKind kind, ulong? size, string reason, ulong? index = null, ulong? endIndex = null) =>
        new(kind, index, endIndex, size, null, reason);

    /// <summary>Whether <paramref name="index"/> is the index, or lies in the range, this violation names.</summary>
    public bool Covers(ulong index) => Index is { } first && (EndIndex is { } last ? first <= index && index <= last : first == index);

    /// <summary>Where, for people: "entry 12", "entries 10-19", "checkpoint 100".</summary>
    public string Location => (Index, EndIndex, CheckpointSize) switch
    {
        ({ } i, { } e, _) when e != i => $"entries {i}-{e}",
        ({ } i, _, _) => $"entry {i}",
        (null, _, { } s) => $"checkpoint {s}",
        _ => "ledger",
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Location}: {Kind}{(Fault is { } f ? $" ({f})" : Rule is { } r ? $" ({r})" : "")}: {Reason}";
}
