namespace DataSpace.Rego.Ast;

/// <summary>A Rego term: scalar, variable, reference, collection, comprehension or call.</summary>
internal abstract class Term : Node
{
    protected Term(SourceLocation location)
        : base(location)
    {
    }

    /// <summary>
    /// Set by the evaluator on first use: 1 when the term has no local variables and no calls, so it
    /// always yields at most one value; 2 when that depends on the bindings. Benign race: every
    /// thread computes the same answer.
    /// </summary>
    public byte Directness { get; set; }

    /// <summary>For references under <c>data</c>: the rule they reach by constant names, cached by the evaluator.</summary>
    public Compilation.RulePrefix? DataPrefix { get; set; }

    /// <summary>The term's compiled direct form (or <see cref="Evaluation.DirectTerm.None"/>), made by the evaluator on first use.</summary>
    public Evaluation.DirectTerm? Compiled { get; set; }
}
