using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>Describes rules for the public API: listing per package and explaining which fired.</summary>
internal sealed class RuleInfoIndex
{
    private readonly Dictionary<Rule, RuleInfo> _infos = [];

    public RuleInfoIndex(IEnumerable<Module> modules)
    {
        foreach (var m in modules)
        {
            var pkg = string.Join('.', m.Package);
            foreach (var rule in m.Rules)
            {
                var kind = rule.IsDefault ? "default" : rule.Head.Kind switch
                {
                    RuleKind.Complete => "complete",
                    RuleKind.PartialSet => "set",
                    RuleKind.PartialObject => "object",
                    _ => "function",
                };
                var path = $"data.{pkg}.{string.Join('.', rule.Head.Name)}";
                for (var r = rule; r is not null; r = r.Else)
                {
                    _infos[r] = new RuleInfo(pkg, path, kind, r.Location);
                }
            }
        }
    }

    public IReadOnlyList<RuleInfo> All => _infos.Values.DistinctBy(i => (i.Path, i.Location)).ToList();

    public IReadOnlyList<RuleInfo> Describe(IEnumerable<Rule> rules) =>
        rules.Select(r => _infos.TryGetValue(r, out var i) ? i : null).OfType<RuleInfo>()
            .OrderBy(i => i.Location.File, StringComparer.Ordinal).ThenBy(i => i.Location.Line).ToList();
}
