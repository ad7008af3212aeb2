using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>
/// Folds ledger entries, in log order, into the <see cref="SpaceState"/>. The broker runs it as it
/// appends (a refusal keeps the entry out of the ledger) and on start (rebuilding its state), and
/// the auditor runs the very same code on replay (a refusal is a violation at that index): what
/// the broker accepts and what the auditor accepts cannot drift apart.
/// </summary>
/// <remarks>Entry types no fold owns are let through unchanged: the log may carry other records.</remarks>
public sealed class SpaceProjection
{
    private readonly Dictionary<string, IEntryFold> _folds;
    private (ulong Index, Action Change)? _pending;

    /// <summary>A projection from the empty ledger; <paramref name="operatorId"/> is the broker's participant id.</summary>
    public SpaceProjection(string operatorId)
    {
        State = new SpaceState(operatorId);
        IEntryFold[] folds = [new ParticipantFold(), new BundleFold(), new CatalogFold(), new NegotiationFold(), new TransferFold()];
        _folds = folds.SelectMany(f => f.Types.Select(t => (t, f))).ToDictionary(p => p.t, p => p.f, StringComparer.Ordinal);
    }

    /// <summary>The state folded so far.</summary>
    public SpaceState State { get; }

    /// <summary>Checks an entry against the state without changing it; null when it is acceptable.</summary>
    public Error? Check(SpaceEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_folds.TryGetValue(entry.Type, out var fold))
        {
            return null;
        }
        var decided = fold.Decide(entry, State);
        if (!decided.IsSuccess)
        {
            return decided.Error;
        }
        _pending = (entry.Index, decided.Value);
        return null;
    }

    /// <summary>
    /// Folds an accepted entry in. After <see cref="Check"/> of the same entry the checked change is
    /// applied; on replay of entries the log accepted earlier, the change is derived again.
    /// </summary>
    /// <exception cref="InvalidDataException">A replayed entry no longer fits the state: the ledger must be audited.</exception>
    public void Apply(SpaceEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_pending is { } pending && pending.Index == entry.Index)
        {
            _pending = null;
            pending.Change();
        }
        else if (_folds.TryGetValue(entry.Type, out var fold))
        {
            var decided = fold.Decide(entry, State);
            if (!decided.IsSuccess)
            {
                throw new InvalidDataException($"Entry {entry.Index} ({entry.Type}) does not fit the ledger's state: {decided.Error.Message}. Run 'dataspace audit' on the ledger.");
            }
            decided.Value();
        }
        State.Advance(entry.Index);
    }
}
