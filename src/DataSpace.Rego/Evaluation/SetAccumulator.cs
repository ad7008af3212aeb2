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

    // A fixed buffer rather than a List<RegoValue>: stores into it skip the covariant array-store
    // check (see ValueSlots), and it never grows past ListLimit.
    private readonly RegoValue?[] _list = new RegoValue?[ListLimit];
    private int _count;
    private HashSet<RegoValue>? _hashed;

    public void Add(RegoValue v)
    {
        if (_hashed is not null)
        {
            _hashed.Add(v);
            return;
        }
        if (_count == ListLimit)
        {
            _hashed = [.. Members, v];
            Clear(keepHashed: true);
            return;
        }
        ValueSlots.Store(_list, _count++, v);
    }

    public RegoSet Build() =>
        _hashed is not null ? new RegoSet(_hashed)
        : _count == 0 ? RegoSet.Empty
        : RegoSet.FromMembers(Members.ToArray());

    private ReadOnlySpan<RegoValue> Members => _list.AsSpan(0, _count)!;

    /// <summary>Empties the accumulator for reuse; the built set does not share its storage.</summary>
    public void Clear() => Clear(keepHashed: false);

    private void Clear(bool keepHashed)
    {
        Array.Clear(_list, 0, _count);
        _count = 0;
        if (!keepHashed)
        {
            _hashed = null;
        }
    }
}
