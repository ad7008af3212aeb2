using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>Names visible in a module: its package, imports and the rules of its package.</summary>
internal sealed class ModuleScope(string[] package, Dictionary<string, Import> imports, HashSet<string> ruleNames)
{
    public string[] Package { get; } = package;

    public Dictionary<string, Import> Imports { get; } = imports;

    public HashSet<string> RuleNames { get; } = ruleNames;

    public static readonly ModuleScope Query = new([], new Dictionary<string, Import>(StringComparer.Ordinal), []);
}
