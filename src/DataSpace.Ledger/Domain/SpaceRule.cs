using DataSpace.Core.Space;
using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Domain;

/// <summary>
/// The space's domain rules as a ledger rule: the <see cref="SpaceProjection"/> folded over the
/// log. The broker's log runs it at every append and on start; <c>dataspace audit</c> runs the
/// same rule on replay, so every invariant (agreements signed by both parties, transfers only
/// under finalized, unexpired agreements within their uses, no core data released as a copy)
/// is enforced and audited by one piece of code.
/// </summary>
/// <param name="operatorId">The operator's participant id (the name of the operator key).</param>
public sealed class SpaceRule(string operatorId) : IEntryRule
{
    /// <summary>The projection this rule folds into; the broker answers queries from its state.</summary>
    public SpaceProjection Projection { get; } = new(operatorId);

    /// <inheritdoc/>
    public string Name => "space";

    /// <inheritdoc/>
    public Verdict Check(AcceptedEntry entry) =>
        Projection.Check(ToEvent(entry)) is { } error ? Verdict.Invalid(error.Message) : Verdict.Valid;

    /// <inheritdoc/>
    public void Apply(AcceptedEntry entry) => Projection.Apply(ToEvent(entry));

    private static SpaceEvent ToEvent(AcceptedEntry entry) => new(entry.Index, entry.Entry.Type, entry.Entry.Body, entry.Signers) { BodyRecord = entry.Entry.BodyRecord };
}
