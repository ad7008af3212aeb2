namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Collects the members of a partial set. The first few go to a list, from which the set is made
/// as produced (sorted and made distinct only if it is iterated in order, counted or compared, see
/// <see cref="RegoSet.FromMembers"/>), so a small set is never hashed; past <see cref="ListLimit"/>
/// members it switches to a hash set, so a rule that yields one member many times does not hold every copy.
/// </summary>
internal sealed class SetAccumulator
{
    private const int ListLimit = 32;

    private readonly List<RegoValue> _list = [];
    private HashSet<RegoValue>? _hashed;

    public void Add(RegoValue v)
    {
        if (_hashed is not null)
        {
            _hashed.Add(v);
            return;
        }
        _list.Add(v);
        if (_list.Count > ListLimit)
        {
            _hashed = [.. _list];
            _list.Clear();
        }
    }

    public RegoSet Build() =>
        _hashed is not null ? new RegoSet(_hashed)
        : _list.Count == 0 ? RegoSet.Empty
        : RegoSet.FromMembers([.. _list]);

    /// <summary>Empties the accumulator for reuse; the built set does not share its storage.</summary>
    public void Clear()
    {
        _list.Clear();
        _hashed = null;
    }
}
