using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Evaluation;

/// <summary>Bodies and expressions: conjunction, negation, <c>with</c>, <c>some … in</c>, <c>every</c>.</summary>
internal sealed partial class Evaluator
{
    private bool EvalBody(Body body, int index, RegoValue?[] f, Func<bool> k)
    {
        // Tests and assignments whose operands are ground run in place; only an expression that can
        // yield several solutions (or carries `with`) needs a continuation for the rest of the body.
        var exprs = body.Exprs;
        for (; index < exprs.Count; index++)
        {
            var e = exprs[index];
            if (e.With.Length > 0)
            {
                break;
            }
            switch (e)
            {
                case TermExpr te when IsDirect(te.Term, f):
                    {
                        Step(e);
                        var v = EvalDirect(te.Term, f);
                        var holds = v is not null and not RegoBoolean { Value: false };
                        if (holds == e.Negated)
                        {
                            return true;
                        }
                        continue;
                    }
                case UnifyExpr u when IsDirect(u.Left, f) && IsDirect(u.Right, f):
                    {
                        Step(e);
                        var holds = EvalDirect(u.Left, f) is { } a && EvalDirect(u.Right, f) is { } b && a.Equals(b);
                        if (holds == e.Negated)
                        {
                            return true;
                        }
                        continue;
                    }
                case UnifyExpr { Negated: false } u when UnboundLocal(u.Left, f) is { } slot && IsDirect(u.Right, f):
                    return BindDirect(e, slot, u.Right, body, index, f, k);
                case UnifyExpr { Negated: false } u when UnboundLocal(u.Right, f) is { } slot && IsDirect(u.Left, f):
                    return BindDirect(e, slot, u.Left, body, index, f, k);
                case SomeExpr { Negated: false }:
                    Step(e);
                    continue;
                case SomeInExpr { Negated: false } s when IsDirect(s.Collection, f) && IsSimplePattern(s.Value, f) && (s.Key is null || IsSimplePattern(s.Key, f)):
                    return IterateInPlace(s, body, index, f, k);
            }
            break;
        }
        return index == exprs.Count ? k() : EvalBodyRest(body, index, f, k);
    }

    private static int? UnboundLocal(Term t, RegoValue?[] f) =>
        t is VarTerm { Kind: VarKind.Local } v && f[v.Slot] is null ? v.Slot : null;

    /// <summary><c>x := term</c> (or <c>x = term</c>) with <c>x</c> unbound: binds, runs the rest of the body, unbinds.</summary>
    private bool BindDirect(Expr e, int slot, Term value, Body body, int index, RegoValue?[] f, Func<bool> k)
    {
        Step(e);
        if (EvalDirect(value, f) is not { } v)
        {
            return true;
        }
        ValueSlots.Store(f, slot, v);
        try
        {
            return EvalBody(body, index + 1, f, k);
        }
        finally
        {
            f[slot] = null;
        }
    }

    private bool EvalBodyRest(Body body, int index, RegoValue?[] f, Func<bool> k) =>
        index == body.Exprs.Count - 1 ? EvalExpr(body.Exprs[index], f, k) : EvalExprThenBody(body, index, f, k);

    // Kept apart so that the closure below is allocated only on this path: a method's captured
    // variables are allocated on entry, whichever branch runs.
    private bool EvalExprThenBody(Body body, int index, RegoValue?[] f, Func<bool> k) =>
        EvalExpr(body.Exprs[index], f, () => EvalBody(body, index + 1, f, k));

    // Branches that build lambdas live in their own methods throughout: captured variables are
    // allocated on entry to the declaring method, even when the branch is not taken.
    private bool EvalExpr(Expr e, RegoValue?[] f, Func<bool> k)
    {
        Step(e);
        return e.With.Length > 0 ? EvalExprWith(e, f, k) : EvalUnmodified(e, f, k);
    }

    private bool EvalExprWith(Expr e, RegoValue?[] f, Func<bool> k) =>
        EvalWith(e.With, f, k, inner => EvalUnmodified(e, f, inner));

    private bool EvalUnmodified(Expr e, RegoValue?[] f, Func<bool> k) =>
        e.Negated ? EvalNegated(e, f, k) : EvalExprCore(e, f, k);

    private bool EvalNegated(Expr e, RegoValue?[] f, Func<bool> k)
    {
        var found = false;
        EvalExprCore(e, f, () =>
        {
            found = true;
            return false;
        });
        return found || k();
    }

    private bool EvalExprCore(Expr e, RegoValue?[] f, Func<bool> k)
    {
        switch (e)
        {
            case TermExpr { Term: CallTerm c } when HasOutputArg(c):
                return EvalCallWithOutput(c, f, k);
            case TermExpr t:
                return EvalTest(t.Term, f, k);
            case UnifyExpr u:
                return Unify(u.Left, u.Right, f, k);
            case SomeExpr:
                return k();
            case SomeInExpr s when IsDirect(s.Collection, f):
                return EvalDirect(s.Collection, f) is not { } direct || IterateCollection(direct, s.Key, s.Value, f, k);
            case SomeInExpr s:
                return EvalSomeIn(s, f, k);
            case EveryExpr ev:
                return EvalEvery(ev, f, k);
            default:
                throw new InvalidOperationException($"unknown expression {e.GetType().Name}");
        }
    }

    private bool EvalTest(Term t, RegoValue?[] f, Func<bool> k) =>
        EvalTerm(t, f, v => v is RegoBoolean { Value: false } || k());

    private bool EvalSomeIn(SomeInExpr s, RegoValue?[] f, Func<bool> k) =>
        EvalTerm(s.Collection, f, coll => IterateCollection(coll, s.Key, s.Value, f, k));

    private bool MatchKeyValue(Term key, RegoValue keyValue, Term value, RegoValue item, RegoValue?[] f, Func<bool> k) =>
        Match(key, keyValue, f, () => Match(value, item, f, k));

    /// <summary>Binds key/value patterns to each element of a collection (arrays by index, objects by key, sets by element).</summary>
    private bool IterateCollection(RegoValue coll, Term? key, Term value, RegoValue?[] f, Func<bool> k)
    {
        switch (coll)
        {
            case RegoArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Tick(value);
                    var item = a[i];
                    var ok = key is null
                        ? Match(value, item, f, k)
                        : MatchKeyValue(key, RegoNumber.Of(i), value, item, f, k);
                    if (!ok)
                    {
                        return false;
                    }
                }
                return true;
            case RegoObject o:
                foreach (var (ok2, ov) in o.SortedEntries)
                {
                    Tick(value);
                    var ok = key is null
                        ? Match(value, ov, f, k)
                        : MatchKeyValue(key, ok2, value, ov, f, k);
                    if (!ok)
                    {
                        return false;
                    }
                }
                return true;
            case RegoSet s:
                foreach (var item in s.SortedItems)
                {
                    Tick(value);
                    var ok = key is null
                        ? Match(value, item, f, k)
                        : MatchKeyValue(key, item, value, item, f, k);
                    if (!ok)
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    private bool EvalEvery(EveryExpr ev, RegoValue?[] f, Func<bool> k)
    {
        return EvalTerm(ev.Domain, f, domain =>
        {
            if (domain is not (RegoArray or RegoObject or RegoSet))
            {
                return true;
            }
            var all = true;
            IterateCollection(domain, ev.Key, ev.Value, f, () =>
            {
                var holds = false;
                EvalBody(ev.Body, 0, f, () =>
                {
                    holds = true;
                    return false;
                });
                if (!holds)
                {
                    all = false;
                    return false;
                }
                return true;
            });
            return !all || k();
        });
    }

    /// <summary>
    /// Evaluates <paramref name="run"/> under the modifiers; its continuation runs back in the outer
    /// scope, since <c>with</c> applies to one expression only.
    /// </summary>
    private bool EvalWith(WithModifier[] mods, RegoValue?[] f, Func<bool> k, Func<Func<bool>, bool> run)
    {
        var values = new RegoValue?[mods.Length];
        var mocks = new FunctionMock?[mods.Length];
        for (var i = 0; i < mods.Length; i++)
        {
            if (WithFunctionMock(mods[i]) is { } mock)
            {
                mocks[i] = mock;
                continue;
            }
            RegoValue? v = null;
            EvalTerm(mods[i].Value, f, x =>
            {
                v = x;
                return false;
            });
            if (v is null)
            {
                return true;
            }
            values[i] = v;
        }
        var outer = State;
        var next = BuildWithState(mods, values, mocks, f, outer);
        State = next;
        try
        {
            return run(() =>
            {
                State = outer;
                try
                {
                    return k();
                }
                finally
                {
                    State = next;
                }
            });
        }
        finally
        {
            State = outer;
        }
    }
}
