using System.Runtime.InteropServices;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Collects the members of a partial set. The first few go to a list that is sorted and made
/// distinct at the end, which is the order OPA iterates in, so a small set is sorted once and
/// never hashed; past <see cref="ListLimit"/> members it switches to a hash set, so a rule that
/// yields one member many times does not hold every copy.
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
        : RegoSet.FromUnsorted(CollectionsMarshal.AsSpan(_list));

    /// <summary>Empties the accumulator for reuse; the built set does not share its storage.</summary>
    public void Clear()
    {
        _list.Clear();
        _hashed = null;
    }
}
