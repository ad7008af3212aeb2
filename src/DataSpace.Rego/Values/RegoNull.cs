namespace DataSpace.Rego;

/// <summary>The Rego <c>null</c> value.</summary>
public sealed class RegoNull : RegoValue
{
    /// <summary>The only instance.</summary>
    public static readonly RegoNull Instance = new();

    private RegoNull()
        : base(0)
    {
    }

    public override string TypeName => "null";

    internal override int CompareSameKind(RegoValue other) => 0;

    public override bool Equals(RegoValue? other) => other is RegoNull;

    public override int GetHashCode() => 0x6e756c6c;

    internal override void WriteRego(System.Text.StringBuilder sb) => sb.Append("null");
}
