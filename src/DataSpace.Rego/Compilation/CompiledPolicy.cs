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

    private int _inputPaths;

    /// <summary>How many constant paths into the input have been compiled (see <see cref="Evaluation.DirectTerm.InputPath"/>).</summary>
    public int InputPathCount => Volatile.Read(ref _inputPaths);

    /// <summary>Numbers a newly compiled constant path into the input; terms compile on first use, from any thread.</summary>
    public int NextInputPathIndex() => Interlocked.Increment(ref _inputPaths) - 1;
}
