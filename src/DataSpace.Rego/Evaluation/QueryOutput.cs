namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Which of a query's frame slots a solution reports (not <c>_</c>, nor the compiler's <c>__</c>
/// and <c>$</c> variables), worked out once per prepared query, and how a solution is copied out.
/// </summary>
internal sealed class QueryOutput
{
    private readonly int[] _slots;
    private readonly string[] _names;

    public QueryOutput(IReadOnlyList<string> slotNames)
    {
        var slots = new List<int>();
        for (var i = 0; i < slotNames.Count; i++)
        {
            var name = slotNames[i];
            if (name != "_" && !name.StartsWith("__", StringComparison.Ordinal) && !name.StartsWith('$'))
            {
                slots.Add(i);
            }
        }
        _slots = [.. slots];
        _names = _slots.Select(s => slotNames[s]).ToArray();
        // Two slots with one name (a name reused in a nested scope): the later binding wins, as
        // a dictionary filled in slot order would have it.
        DistinctNames = _names.Distinct(StringComparer.Ordinal).Count() == _names.Length;
    }

    private bool DistinctNames { get; }

    /// <summary>The bound visible variables of the current solution.</summary>
    public IReadOnlyDictionary<string, RegoValue> Capture(RegoValue?[] frame)
    {
        if (DistinctNames && AllBound(frame))
        {
            var values = new RegoValue[_slots.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = frame[_slots[i]]!;
            }
            return new QueryBindings(_names, values);
        }
        var map = new Dictionary<string, RegoValue>(_slots.Length, StringComparer.Ordinal);
        for (var i = 0; i < _slots.Length; i++)
        {
            if (frame[_slots[i]] is { } v)
            {
                map[_names[i]] = v;
            }
        }
        return map;
    }

    private bool AllBound(RegoValue?[] frame)
    {
        foreach (var slot in _slots)
        {
            if (frame[slot] is null)
            {
                return false;
            }
        }
        return true;
    }
}
