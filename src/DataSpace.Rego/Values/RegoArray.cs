namespace DataSpace.Rego;

/// <summary>An immutable Rego array.</summary>
public sealed class RegoArray : RegoValue
{
    /// <summary>The empty array.</summary>
    public static readonly RegoArray Empty = new([]);

    private int _hash;

    /// <summary>Creates an array over <paramref name="items"/>, which the caller must not change afterwards.</summary>
    public RegoArray(RegoValue[] items)
        : base(5) => Items = items;

    /// <summary>Creates an array from a sequence.</summary>
    public RegoArray(IEnumerable<RegoValue> items)
        : base(5) => Items = items.ToArray();

    /// <summary>The elements.</summary>
    public IReadOnlyList<RegoValue> Items { get; }

    internal RegoValue[] Raw => (RegoValue[])Items;

    /// <summary>The number of elements.</summary>
    public int Count => Items.Count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public RegoValue this[int index] => Items[index];

    public override string TypeName => "array";

    internal override int CompareSameKind(RegoValue other)
    {
        var b = (RegoArray)other;
        var n = Math.Min(Count, b.Count);
        for (var i = 0; i < n; i++)
        {
            var c = Items[i].CompareTo(b.Items[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return Count.CompareTo(b.Count);
    }

    public override bool Equals(RegoValue? other)
    {
        if (other is not RegoArray b || b.Count != Count)
        {
            return false;
        }
        if (ReferenceEquals(this, b))
        {
            return true;
        }
        for (var i = 0; i < Count; i++)
        {
            if (!Items[i].Equals(b.Items[i]))
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
            var h = new HashCode();
            h.Add(5);
            foreach (var item in Raw)
            {
                h.Add(item);
            }
            _hash = h.ToHashCode() | 1;
        }
        return _hash;
    }

    internal override void WriteRego(System.Text.StringBuilder sb)
    {
        sb.Append('[');
        for (var i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            Items[i].WriteRego(sb);
        }
        sb.Append(']');
    }
}
