namespace DataSpace.Rego;

/// <summary>A Rego string; ordered by UTF-8 bytes like Go's string comparison.</summary>
public sealed class RegoString : RegoValue
{
    /// <summary>The empty string.</summary>
    public static readonly RegoString Empty = new(string.Empty);

    /// <summary>Creates a string value.</summary>
    public RegoString(string value)
        : base(3) => Value = value;

    /// <summary>The text.</summary>
    public string Value { get; }

    public override string TypeName => "string";

    // Ordinal UTF-16 comparison differs from Go's byte order only for surrogate pairs versus
    // U+E000..U+FFFF; OPA compares UTF-8 bytes, which matches code-point order.
    internal override int CompareSameKind(RegoValue other) => CompareCodePoints(Value, ((RegoString)other).Value);

    internal static int CompareCodePoints(string a, string b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        // Only the first differing character decides; the common prefix is found vectorised.
        var i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }
        var ca = a[i];
        var cb = b[i];
        if (char.IsSurrogate(ca) != char.IsSurrogate(cb))
        {
            // A surrogate encodes a code point above U+FFFF, which sorts after any BMP character.
            return char.IsSurrogate(ca) ? 1 : -1;
        }
        return ca < cb ? -1 : 1;
    }

    public override bool Equals(RegoValue? other) => other is RegoString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    // Cached: strings are looked up as object keys over and over (data paths, input fields).
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            _hash = StringComparer.Ordinal.GetHashCode(Value) | 1;
        }
        return _hash;
    }

    private int _hash;

    internal override void WriteRego(System.Text.StringBuilder sb) => RegoJson.WriteQuoted(sb, Value);
}
