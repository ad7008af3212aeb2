namespace DataSpace.Rego.Evaluation;

/// <summary>Builds an object from nested insertions (ref-head rules), raising OPA's conflict error on clashing keys.</summary>
internal sealed class ObjectBuilder
{
    private readonly Dictionary<RegoValue, object> _entries = [];

    public static ObjectBuilder From(RegoObject? seed)
    {
        var b = new ObjectBuilder();
        if (seed is not null)
        {
            foreach (var (k, v) in seed.Map)
            {
                b._entries[k] = v;
            }
        }
        return b;
    }

    public void Set(RegoValue key, RegoValue value) => _entries[key] = value;

    /// <summary>Inserts a value at a key path; a different value already there is a conflict.</summary>
    public bool TryInsert(ReadOnlySpan<RegoValue> keys, RegoValue value)
    {
        var key = keys[0];
        if (keys.Length == 1)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                var current = existing is ObjectBuilder b ? b.Build() : (RegoValue)existing;
                return current.Equals(value);
            }
            _entries[key] = value;
            return true;
        }
        if (!_entries.TryGetValue(key, out var node))
        {
            node = new ObjectBuilder();
            _entries[key] = node;
        }
        else if (node is RegoObject obj)
        {
            node = From(obj);
            _entries[key] = node;
        }
        else if (node is not ObjectBuilder)
        {
            return false;
        }
        return ((ObjectBuilder)node).TryInsert(keys[1..], value);
    }

    /// <summary>Adds a member to the set at a key path (<c>p[x] contains y</c>).</summary>
    public bool TryAddMember(ReadOnlySpan<RegoValue> keys, RegoValue member)
    {
        var key = keys[0];
        if (keys.Length == 1)
        {
            if (!_entries.TryGetValue(key, out var existing))
            {
                existing = new HashSet<RegoValue>();
                _entries[key] = existing;
            }
            if (existing is not HashSet<RegoValue> set)
            {
                return false;
            }
            set.Add(member);
            return true;
        }
        if (!_entries.TryGetValue(key, out var node))
        {
            node = new ObjectBuilder();
            _entries[key] = node;
        }
        return node is ObjectBuilder b && b.TryAddMember(keys[1..], member);
    }

    public RegoObject Build()
    {
        var map = new Dictionary<RegoValue, RegoValue>(_entries.Count);
        foreach (var (k, v) in _entries)
        {
            map[k] = v switch
            {
                ObjectBuilder b => b.Build(),
                HashSet<RegoValue> s => new RegoSet(s),
                _ => (RegoValue)v,
            };
        }
        return new RegoObject(map);
    }
}
