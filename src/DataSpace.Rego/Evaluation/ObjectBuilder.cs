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

    public RegoObject Build()
    {
        var map = new Dictionary<RegoValue, RegoValue>(_entries.Count);
        foreach (var (k, v) in _entries)
        {
            map[k] = v is ObjectBuilder b ? b.Build() : (RegoValue)v;
        }
        return new RegoObject(map);
    }
}
