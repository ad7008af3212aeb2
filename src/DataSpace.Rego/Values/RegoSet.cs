namespace DataSpace.Rego;

/// <summary>An immutable Rego set. Iteration is in sorted order.</summary>
public sealed class RegoSet : RegoValue
{
    /// <summary>The empty set.</summary>
    public static readonly RegoSet Empty = new(new HashSet<RegoValue>());

    // Either representation may come first: a hash set from most producers, or the sorted distinct
    // elements from rule evaluation (which sorts small sets as it builds them, since OPA iterates
    // sets in order). The other is derived on first need; both are immutable once set, so racing
    // threads at worst derive it twice.
    private HashSet<RegoValue>? _items;
    private RegoValue[]? _sorted;
    private int _hash;

    /// <summary>Wraps a hash set, which the caller must not change afterwards.</summary>
    public RegoSet(HashSet<RegoValue> items)
        : base(7) => _items = items;

    /// <summary>Creates a set from a sequence.</summary>
    public RegoSet(IEnumerable<RegoValue> items)
        : base(7) => _items = [.. items];

    private RegoSet(RegoValue[] sortedDistinct)
        : base(7) => _sorted = sortedDistinct;

    /// <summary>Sorts <paramref name="items"/> in place and makes a set of its distinct elements.</summary>
    internal static RegoSet FromUnsorted(Span<RegoValue> items)
    {
        items.Sort(static (a, b) => a.CompareTo(b));
        var n = 0;
        for (var i = 0; i < items.Length; i++)
        {
            // Sorted, so duplicates are neighbours; the order decides equality without hashing.
            if (n == 0 || items[n - 1].CompareTo(items[i]) != 0)
            {
                items[n++] = items[i];
            }
        }
        return new RegoSet(items[..n].ToArray());
    }

    /// <summary>The number of elements.</summary>
    public int Count => _sorted?.Length ?? _items!.Count;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<RegoValue> Items => Sorted;

    /// <summary>The elements in order, for loops that must not allocate an enumerator.</summary>
    internal RegoValue[] SortedItems => Sorted;

    internal IReadOnlySet<RegoValue> Set => Hashed;

    private HashSet<RegoValue> Hashed => _items ??= [.. _sorted!];

    private RegoValue[] Sorted
    {
        get
        {
            if (_sorted is null)
            {
                var arr = _items!.ToArray();
                Array.Sort(arr);
                _sorted = arr;
            }
            return _sorted;
        }
    }

    /// <summary>Membership test.</summary>
    public bool Contains(RegoValue value)
    {
        if (_items is null && _sorted!.Length <= LinearSearchLimit)
        {
            foreach (var item in _sorted)
            {
                if (item.Equals(value))
                {
                    return true;
                }
            }
            return false;
        }
        return Hashed.Contains(value);
    }

    // Below this many elements a scan is cheaper than building a hash set.
    private const int LinearSearchLimit = 8;

    public override string TypeName => "set";


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
        other is RegoSet b && b.Count == Count && (ReferenceEquals(this, b) || SameElements(b));

    // Two sorted forms are equal element by element; otherwise compare as hash sets.
    private bool SameElements(RegoSet b)
    {
        if (_sorted is { } x && b._sorted is { } y)
        {
            for (var i = 0; i < x.Length; i++)
            {
                if (!x[i].Equals(y[i]))
                {
                    return false;
                }
            }
            return true;
        }
        return Hashed.SetEquals(b.Hashed);
    }

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = 7;
            foreach (var v in (IEnumerable<RegoValue>?)_sorted ?? _items!)
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
