namespace DataSpace.Rego;

/// <summary>
/// An immutable Rego value: null, boolean, number, string, array, object or set.
/// Equality and ordering follow OPA's <c>ast.Compare</c>: values of different kinds order
/// null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set.
/// </summary>
public abstract class RegoValue : IEquatable<RegoValue>, IComparable<RegoValue>
{
    private protected RegoValue(int kindRank) => KindRank = kindRank;

    /// <summary>The OPA type name, as <c>type_name</c> returns it.</summary>
    public abstract string TypeName { get; }

    /// <summary>Rank used to order values of different kinds; a field, since sorting reads it on every comparison.</summary>
    internal int KindRank { get; }

    /// <summary>Compares two values of the same kind.</summary>
    internal abstract int CompareSameKind(RegoValue other);

    /// <summary>OPA's total order over all values.</summary>
    public int CompareTo(RegoValue? other)
    {
        if (other is null)
        {
            return 1;
        }
        if (ReferenceEquals(this, other))
        {
            return 0;
        }
        var rank = KindRank.CompareTo(other.KindRank);
        return rank != 0 ? rank : CompareSameKind(other);
    }

    /// <inheritdoc />
    public abstract bool Equals(RegoValue? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RegoValue v && Equals(v);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>The value in Rego's literal syntax (sets as <c>{…}</c>, strings quoted).</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        WriteRego(sb);
        return sb.ToString();
    }

    internal abstract void WriteRego(System.Text.StringBuilder sb);

    /// <summary>Converts to a JSON node; sets become arrays in sorted order.</summary>
    public System.Text.Json.Nodes.JsonNode? ToJsonNode() => RegoJson.ToJsonNode(this);

    /// <summary>Converts a JSON node (null means JSON null) to a value, keeping numbers exact.</summary>
    public static RegoValue FromJsonNode(System.Text.Json.Nodes.JsonNode? node) => RegoJson.FromJsonNode(node);

    /// <summary>Parses JSON text to a value, keeping numbers exact.</summary>
    public static RegoValue ParseJson(string json) => RegoJson.Parse(json);

    /// <summary>True when the value is the boolean <c>true</c>.</summary>
    public bool IsTrue => this is RegoBoolean { Value: true };

    public static bool operator ==(RegoValue? a, RegoValue? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(RegoValue? a, RegoValue? b) => !(a == b);

    public static bool operator <(RegoValue? a, RegoValue? b) => Compare(a, b) < 0;

    public static bool operator >(RegoValue? a, RegoValue? b) => Compare(a, b) > 0;

    public static bool operator <=(RegoValue? a, RegoValue? b) => Compare(a, b) <= 0;

    public static bool operator >=(RegoValue? a, RegoValue? b) => Compare(a, b) >= 0;

    private static int Compare(RegoValue? a, RegoValue? b) => a is null ? (b is null ? 0 : -1) : a.CompareTo(b);
}
