namespace DataSpace.Rego;

/// <summary>An immutable Rego object; keys may be any value. Iteration is in key order.</summary>
public sealed class RegoObject : RegoValue
{
    /// <summary>The empty object.</summary>
    public static readonly RegoObject Empty = new(new Dictionary<RegoValue, RegoValue>());

    // A small object from JSON (input documents, the records in data) keeps only its entries and is
    // searched by a scan, which is cheaper than hashing a few keys; the dictionary is built on first
    // need, and the key order on first iteration (base data is put in key order once, at compile
    // time). Larger objects and those built by evaluation start from a dictionary. Every form is
    // immutable once set; racing threads at worst build one twice.
    private const int SmallLimit = 8;
    private readonly KeyValuePair<RegoValue, RegoValue>[]? _entries;
    private Dictionary<RegoValue, RegoValue>? _map;
    private KeyValuePair<RegoValue, RegoValue>[]? _sorted;
    private int _hash;

    /// <summary>Wraps a dictionary, which the caller must not change afterwards.</summary>
    public RegoObject(Dictionary<RegoValue, RegoValue> map)
        : base(6) => _map = map;

    private RegoObject(KeyValuePair<RegoValue, RegoValue>[] entries, bool sorted)
        : base(6)
    {
        _entries = entries;
        _sorted = sorted ? entries : null;
    }

    /// <summary>
    /// An object of entries whose keys are distinct; takes ownership of the array. With
    /// <paramref name="sort"/>, a small object is put in key order now rather than on first iteration.
    /// </summary>
    internal static RegoObject FromDistinct(KeyValuePair<RegoValue, RegoValue>[] entries, bool sort = false)
    {
        if (entries.Length > SmallLimit)
        {
            return new RegoObject(new Dictionary<RegoValue, RegoValue>(entries));
        }
        if (sort)
        {
            SortByKey(entries);
        }
        return new RegoObject(entries, sort);
    }

    private static void SortByKey(KeyValuePair<RegoValue, RegoValue>[] entries) =>
        Array.Sort(entries, static (x, y) => x.Key.CompareTo(y.Key));

    /// <summary>The number of entries.</summary>
    public int Count => _entries?.Length ?? _map!.Count;

    /// <summary>The entries in key order.</summary>
    public IReadOnlyList<KeyValuePair<RegoValue, RegoValue>> Entries => Sorted;

    /// <summary>The entries in key order, for loops that must not allocate an enumerator.</summary>
    internal KeyValuePair<RegoValue, RegoValue>[] SortedEntries => Sorted;

    /// <summary>The keys in order.</summary>
    public IEnumerable<RegoValue> Keys => Sorted.Select(e => e.Key);

    internal IReadOnlyDictionary<RegoValue, RegoValue> Map => _map ??= new Dictionary<RegoValue, RegoValue>(_entries!);

    private KeyValuePair<RegoValue, RegoValue>[] Sorted
    {
        get
        {
            if (_sorted is null)
            {
                var arr = _entries is null ? _map!.ToArray() : [.. _entries];
                SortByKey(arr);
                _sorted = arr;
            }
            return _sorted;
        }
    }

    /// <summary>Looks up a key.</summary>
    public bool TryGetValue(RegoValue key, out RegoValue value)
    {
        if (_entries is not null)
        {
            foreach (var (k, v) in _entries)
            {
                if (ReferenceEquals(k, key) || k.Equals(key))
                {
                    value = v;
                    return true;
                }
            }
            value = null!;
            return false;
        }
        return _map!.TryGetValue(key, out value!);
    }

    /// <summary>Whether some entry's value equals <paramref name="value"/>; in no particular order, so neither sorting nor hashing.</summary>
    internal bool ContainsValue(RegoValue value)
    {
        if (_entries is not null)
        {
            foreach (var (_, v) in _entries)
            {
                if (v.Equals(value))
                {
                    return true;
                }
            }
            return false;
        }
        foreach (var v in _map!.Values)
        {
            if (v.Equals(value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The value at a string key, or null.</summary>
    public RegoValue? this[string key] => TryGetValue(new RegoString(key), out var v) ? v : null;

    public override string TypeName => "object";

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
        if (_sorted is { } x && b._sorted is { } y)
        {
            // Both already in key order: equal entry by entry.
            for (var i = 0; i < x.Length; i++)
            {
                if (!x[i].Key.Equals(y[i].Key) || !x[i].Value.Equals(y[i].Value))
                {
                    return false;
                }
            }
            return true;
        }
        return _entries is not null ? AllIn(_entries, b) : AllIn(_map!, b);
    }

    // One loop per form, each on its own struct enumerator.
    private static bool AllIn(Dictionary<RegoValue, RegoValue> entries, RegoObject b)
    {
        foreach (var (k, v) in entries)
        {
            if (!b.TryGetValue(k, out var bv) || !v.Equals(bv))
            {
                return false;
            }
        }
        return true;
    }

    private static bool AllIn(KeyValuePair<RegoValue, RegoValue>[] entries, RegoObject b)
    {
        foreach (var (k, v) in entries)
        {
            if (!b.TryGetValue(k, out var bv) || !v.Equals(bv))
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
            foreach (var (k, v) in (IEnumerable<KeyValuePair<RegoValue, RegoValue>>?)_entries ?? _map!)
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
