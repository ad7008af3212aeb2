namespace DataSpace.Rego.Ast;

internal enum RuleKind
{
    /// <summary>One value at a static path (<c>p := 1</c>, <c>a.b if …</c>).</summary>
    Complete,

    /// <summary>Contributes set members (<c>p contains x</c>).</summary>
    PartialSet,

    /// <summary>Contributes object entries under dynamic keys (<c>p[k] := v</c>, <c>a.b[x].c := v</c>).</summary>
    PartialObject,

    /// <summary>A function (<c>f(x) := y</c>).</summary>
    Function,
}
