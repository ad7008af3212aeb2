namespace DataSpace.Rego;

/// <summary>An immutable Rego set. Iteration is in sorted order.</summary>
public sealed class RegoSet : RegoValue
{
    /// <summary>The empty set.</summary>
    public static readonly RegoSet Empty = new(new HashSet<RegoValue>());

    // The set is kept in whichever form its producer had: a hash set (most builtins), or the
    // members as a rule produced them, possibly repeated (partial sets, see FromMembers). The
    // sorted distinct form, which OPA iterates in, and the hash set are derived on first need.
    // Every form is immutable once set, so racing threads at worst derive one twice.
    private HashSet<RegoValue>? _items;
    private RegoValue[]? _members;
    private RegoValue[]? _sorted;
    private int _hash;

    /// <summary>Wraps a hash set, which the caller must not change afterwards.</summary>
    public RegoSet(HashSet<RegoValue> items)
        : base(7) => _items = items;

    /// <summary>Creates a set from a sequence.</summary>
    public RegoSet(IEnumerable<RegoValue> items)
        : base(7) => _items = [.. items];

    private RegoSet(RegoValue[] members)
        : base(7) => _members = members;

    /// <summary>
    /// A set of <paramref name="members"/>, which may repeat; takes ownership of the array. Sorting
    /// and removing repeats wait until the set is iterated in order, counted or compared, which a
    /// search for any one member (see <see cref="MembersInAnyOrder"/>) never needs.
    /// </summary>
    internal static RegoSet FromMembers(RegoValue[] members) => new(members);

    /// <summary>The number of elements.</summary>
    public int Count => _items?.Count ?? Sorted.Length;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<RegoValue> Items => Sorted;

    /// <summary>The elements in order, for loops that must not allocate an enumerator.</summary>
    internal RegoValue[] SortedItems => Sorted;

    /// <summary>Every element at least once, in no particular order: for searches whose outcome cannot depend on order.</summary>
    internal RegoValue[] MembersInAnyOrder => _sorted ?? _members ?? Sorted;

    internal IReadOnlySet<RegoValue> Set => Hashed;

    private HashSet<RegoValue> Hashed => _items ??= [.. _sorted ?? _members!];

    private RegoValue[] Sorted => _sorted ??= _items is not null ? SortDistinct([.. _items]) : SortDistinct([.. _members!]);

    /// <summary>Sorts in place and drops repeats, which sorting makes neighbours.</summary>
    private static RegoValue[] SortDistinct(RegoValue[] items)
    {
        Array.Sort(items, static (a, b) => a.CompareTo(b));
        var n = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (n == 0 || items[n - 1].CompareTo(items[i]) != 0)
            {
                items[n++] = items[i];
            }
        }
        return n == items.Length ? items : items[..n];
    }

    /// <summary>Membership test.</summary>
    public bool Contains(RegoValue value)
    {
        if (_items is null && MembersInAnyOrder is { Length: <= LinearSearchLimit } few)
        {
            foreach (var item in few)
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
        if (_items is null && b._items is null)
        {
            var (x, y) = (Sorted, b.Sorted);
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
            foreach (var v in (IEnumerable<RegoValue>?)_items ?? Sorted)
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
