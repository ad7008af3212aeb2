namespace DataSpace.Rego;

/// <summary>A Rego boolean.</summary>
public sealed class RegoBoolean : RegoValue
{
    /// <summary>The value <c>true</c>.</summary>
    public static readonly RegoBoolean True = new(true);

    /// <summary>The value <c>false</c>.</summary>
    public static readonly RegoBoolean False = new(false);

    private RegoBoolean(bool value)
        : base(1) => Value = value;

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <summary>The shared instance for <paramref name="value"/>.</summary>
    public static RegoBoolean Of(bool value) => value ? True : False;

    public override string TypeName => "boolean";

    internal override int CompareSameKind(RegoValue other) => Value.CompareTo(((RegoBoolean)other).Value);

    public override bool Equals(RegoValue? other) => other is RegoBoolean b && b.Value == Value;

    public override int GetHashCode() => Value ? 1231 : 1237;

    internal override void WriteRego(System.Text.StringBuilder sb) => sb.Append(Value ? "true" : "false");
}
