using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>The result of compilation: modules, the rule tree under <c>data</c>, and base data.</summary>
internal sealed class CompiledPolicy(IReadOnlyList<Module> modules, RuleNode root, RegoValue data, StringInterner strings)
{
    public IReadOnlyList<Module> Modules { get; } = modules;

    public RuleNode Root { get; } = root;

    public RegoValue Data { get; } = data;

    /// <summary>The strings shared by the policy's literals and data (frozen), for queries prepared against it.</summary>
    public StringInterner Strings { get; } = strings;

    /// <summary>How many nodes the rule tree has, numbered once here.</summary>
    public int RuleNodeCount { get; } = root.Number();
}
