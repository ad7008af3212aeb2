namespace DataSpace.Rego.Ast;

/// <summary><c>some [key,] value in collection</c>.</summary>
internal sealed class SomeInExpr(Term? key, Term value, Term collection, SourceLocation location) : Expr(location)
{
    public Term? Key { get; } = key;

    public Term Value { get; } = value;

    public Term Collection { get; } = collection;

    /// <summary>
    /// Set by the evaluator on first use: 1 when no expression after this one in its body can raise
    /// an error that depends on the bindings, so a search for one solution may visit a set's members
    /// in any order; 2 when one can. Benign race: every thread computes the same answer.
    /// </summary>
    public byte RestCannotFail { get; set; }

    /// <summary>Like <see cref="RestCannotFail"/>, and the rest reads no rule either (see <c>Evaluator.Stream.cs</c>).</summary>
    public byte RestIsPure { get; set; }
}
