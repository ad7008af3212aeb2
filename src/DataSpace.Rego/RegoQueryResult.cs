namespace DataSpace.Rego;

/// <summary>
/// The solutions of a query: one binding map (variable name → value) per solution; empty when the
/// query is undefined.
/// </summary>
public sealed record RegoQueryResult(IReadOnlyList<IReadOnlyDictionary<string, RegoValue>> Solutions, IReadOnlyList<RuleInfo> FiredRules)
{
    /// <summary>True when the query had no solution.</summary>
    public bool IsUndefined => Solutions.Count == 0;
}
