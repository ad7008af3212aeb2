namespace DataSpace.Rego;

/// <summary>An immutable Rego object; keys may be any value. Iteration is in key order.</summary>
public sealed class RegoObject : RegoValue
{
    /// <summary>The empty object.</summary>
    public static readonly RegoObject Empty = new(new Dictionary<RegoValue, RegoValue>());

    private readonly Dictionary<RegoValue, RegoValue> _map;
    private KeyValuePair<RegoValue, RegoValue>[]? _sorted;
    private int _hash;

    /// <summary>Wraps a dictionary, which the caller must not change afterwards.</summary>
    public RegoObject(Dictionary<RegoValue, RegoValue> map) => _map = map;

    /// <summary>The number of entries.</summary>
    public int Count => _map.Count;

    /// <summary>The entries in key order.</summary>
    public IReadOnlyList<KeyValuePair<RegoValue, RegoValue>> Entries => Sorted;

    /// <summary>The entries in key order, for loops that must not allocate an enumerator.</summary>
    internal KeyValuePair<RegoValue, RegoValue>[] SortedEntries => Sorted;

    /// <summary>The keys in order.</summary>
    public IEnumerable<RegoValue> Keys => Sorted.Select(e => e.Key);

    internal IReadOnlyDictionary<RegoValue, RegoValue> Map => _map;

    private KeyValuePair<RegoValue, RegoValue>[] Sorted
    {
        get
        {
            if (_sorted is null)
            {
                var arr = _map.ToArray();
                Array.Sort(arr, static (x, y) => x.Key.CompareTo(y.Key));
                _sorted = arr;
            }
            return _sorted;
        }
    }

    /// <summary>Looks up a key.</summary>
    public bool TryGetValue(RegoValue key, out RegoValue value) => _map.TryGetValue(key, out value!);

    /// <summary>The value at a string key, or null.</summary>
    public RegoValue? this[string key] => _map.TryGetValue(new RegoString(key), out var v) ? v : null;

    public override string TypeName => "object";

    internal override int KindRank => 6;

    internal override int CompareSameKind(RegoValue other)
    {
        var a = Sorted;
        var b = ((RegoObject)other).Sorted;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = a[i].Key.CompareTo(b[i].Key);
            if (c != 0)
            {
                return c;
            }
            c = a[i].Value.CompareTo(b[i].Value);
            if (c != 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    public override bool Equals(RegoValue? other)
    {
        if (other is not RegoObject b || b.Count != Count)
        {
            return false;
        }
        if (ReferenceEquals(this, b))
        {
            return true;
        }
        foreach (var (k, v) in _map)
        {
            if (!b._map.TryGetValue(k, out var bv) || !v.Equals(bv))
            {
                return false;
            }
        }
        return true;
    }

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = 6;
            foreach (var (k, v) in _map)
            {
                h += HashCode.Combine(k, v);
            }
            _hash = h | 1;
        }
        return _hash;
    }

    internal override void WriteRego(System.Text.StringBuilder sb)
    {
        sb.Append('{');
        var first = true;
        foreach (var (k, v) in Sorted)
        {
            if (!first)
            {
                sb.Append(", ");
            }
            first = false;
            k.WriteRego(sb);
            sb.Append(": ");
            v.WriteRego(sb);
        }
        sb.Append('}');
    }
}
