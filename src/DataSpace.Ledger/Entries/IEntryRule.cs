namespace DataSpace.Ledger.Entries;

/// <summary>
/// A domain rule over the ledger (the seam for contract and transfer invariants): a small state
/// machine folded over the entries in log order. The log runs it before appending (a refusal
/// keeps the entry out) and the auditor runs the same rule on replay (a refusal is a violation
/// at that index), so what the log accepts and what the auditor accepts cannot drift apart.
/// </summary>
/// <remarks>
/// Rules see only entries whose signatures verified and which passed the built-in checks
/// (registration, replay). <see cref="Check"/> must not change state; <see cref="Apply"/> is
/// called once, in log order, for each entry every rule accepted. One instance serves one log or
/// one audit; they are created through a factory so that each replay starts from a fresh state.
/// </remarks>
public interface IEntryRule
{
    /// <summary>A short name for reports, e.g. <c>contracts</c>.</summary>
    string Name { get; }

    /// <summary>Checks <paramref name="entry"/> against the state folded from every earlier accepted entry.</summary>
    Verdict Check(AcceptedEntry entry);

    /// <summary>Folds an accepted entry into the state.</summary>
    void Apply(AcceptedEntry entry);
}
