namespace DataSpace.Rego.Ast;

/// <summary>
/// A variable. The compiler resolves it once: a local slot in the rule's frame, the
/// <c>input</c>/<c>data</c> roots, or a global path (rule names, imports).
/// </summary>
internal sealed class VarTerm(string name, SourceLocation location) : Term(location)
{
    public string Name { get; } = name;

    public VarKind Kind { get; set; }

    public int Slot { get; set; } = -1;

    /// <summary>For <see cref="VarKind.Global"/>: the path under <c>data</c> (or <c>input</c> when <see cref="GlobalIsInput"/>).</summary>
    public string[]? GlobalPath { get; set; }

    public bool GlobalIsInput { get; set; }

    /// <summary><see cref="GlobalPath"/> as string terms, built once for reference walking.</summary>
    public Term[] GlobalTerms => _globalTerms ??= GlobalPath!.Select(p => (Term)new ScalarTerm(new RegoString(p), Location)).ToArray();

    private Term[]? _globalTerms;

    public bool IsWildcard => Name == "_";
}
