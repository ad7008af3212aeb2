namespace DataSpace.Rego;

/// <summary>An immutable Rego set. Iteration is in sorted order.</summary>
public sealed class RegoSet : RegoValue
{
    /// <summary>The empty set.</summary>
    public static readonly RegoSet Empty = new(new HashSet<RegoValue>());

    private readonly HashSet<RegoValue> _items;
    private RegoValue[]? _sorted;
    private int _hash;

    /// <summary>Wraps a hash set, which the caller must not change afterwards.</summary>
    public RegoSet(HashSet<RegoValue> items) => _items = items;

    /// <summary>Creates a set from a sequence.</summary>
    public RegoSet(IEnumerable<RegoValue> items) => _items = [.. items];

    /// <summary>The number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<RegoValue> Items => Sorted;

    internal IReadOnlySet<RegoValue> Set => _items;

    private RegoValue[] Sorted
    {
        get
        {
            if (_sorted is null)
            {
                var arr = _items.ToArray();
                Array.Sort(arr);
                _sorted = arr;
            }
            return _sorted;
        }
    }

    /// <summary>Membership test.</summary>
    public bool Contains(RegoValue value) => _items.Contains(value);

    public override string TypeName => "set";

    internal override int KindRank => 7;

    internal override int CompareSameKind(RegoValue other)
    {
        var a = Sorted;
        var b = ((RegoSet)other).Sorted;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    public override bool Equals(RegoValue? other) =>
        other is RegoSet b && b.Count == Count && (ReferenceEquals(this, b) || _items.SetEquals(b._items));

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = 7;
            foreach (var v in _items)
            {
                h += v.GetHashCode();
            }
            _hash = h | 1;
        }
        return _hash;
    }

    internal override void WriteRego(System.Text.StringBuilder sb)
    {
        if (Count == 0)
        {
            sb.Append("set()");
            return;
        }
        sb.Append('{');
        var first = true;
        foreach (var v in Sorted)
        {
            if (!first)
            {
                sb.Append(", ");
            }
            first = false;
            v.WriteRego(sb);
        }
        sb.Append('}');
    }
}
