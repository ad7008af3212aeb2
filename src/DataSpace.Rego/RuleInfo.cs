namespace DataSpace.Rego;

/// <summary>A rule as listed by <see cref="RegoEngine.Rules"/>: its package, path and where it is defined.</summary>
/// <param name="Package">Package path, e.g. <c>dataspace.catalog</c>.</param>
/// <param name="Path">Full path, e.g. <c>data.dataspace.catalog.allow</c>.</param>
/// <param name="Kind">One of <c>complete</c>, <c>set</c>, <c>object</c>, <c>function</c>, <c>default</c>.</param>
/// <param name="Location">Where the rule head is.</param>
public sealed record RuleInfo(string Package, string Path, string Kind, SourceLocation Location)
{
    /// <summary>The last name of the path, e.g. <c>allow</c> or <c>test_deny_by_default</c>.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];
}
