using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Which expressions cannot fail, so that the order (or the number of times) the evaluator visits
/// their solutions cannot change a search's answer. An expression qualifies when each of its terms
/// has a compiled direct form that calls nothing but total builtins; with
/// <c>readsRules: false</c> it must not read a rule's value either, since a rule's evaluation can
/// fail (a conflict) wherever it is first reached.
/// </summary>
internal sealed partial class Evaluator
{
    private bool CannotFail(Body body, int from, bool readsRules)
    {
        for (var i = from; i < body.Exprs.Count; i++)
        {
            var e = body.Exprs[i];
            var ok = e.With.Length == 0 && e switch
            {
                SomeExpr => true,
                TermExpr t => CannotFail(t.Term, readsRules),
                UnifyExpr u => CannotFail(u.Left, readsRules) && CannotFail(u.Right, readsRules),
                SomeInExpr { Negated: false } si => CannotFail(si.Collection, readsRules) && CannotFail(si.Value, readsRules)
                    && (si.Key is null || CannotFail(si.Key, readsRules)),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private bool CannotFail(Term t, bool readsRules) =>
        CompiledOf(t) is { CanFail: false } c && (readsRules || !c.ReadsRules);
}
