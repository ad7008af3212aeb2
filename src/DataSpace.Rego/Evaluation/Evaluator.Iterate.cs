using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// <c>some [key,] value in collection</c> run in place when the collection is direct and the key and
/// value are plain variables or direct terms: each element binds the variables (or is compared with
/// the terms) and the rest of the body runs from the next expression. This is the general path's
/// iteration and matching without the continuation closures it needs for arbitrary patterns, which
/// were the largest remaining allocation per solution on typical grant rules.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>An unbound local variable (to bind) or a term with one value (to compare).</summary>
    private bool IsSimplePattern(Term t, RegoValue?[] f) =>
        t is VarTerm { Kind: VarKind.Local } || (!IsPattern(t, f) && IsDirect(t, f));

    private bool IterateInPlace(SomeInExpr s, Body body, int index, RegoValue?[] f, Func<bool> k)
    {
        if (StreamableSet(s, body, index, k) is { } rule)
        {
            return StreamSet(rule, s, body, index, f, k);
        }
        Step(s);
        switch (EvalDirect(s.Collection, f))
        {
            case RegoArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!BindAndContinue(s, RegoNumber.Of(i), a[i], body, index, f, k))
                    {
                        return false;
                    }
                }
                return true;
            case RegoObject o:
                foreach (var (key, value) in o.SortedEntries)
                {
                    if (!BindAndContinue(s, key, value, body, index, f, k))
                    {
                        return false;
                    }
                }
                return true;
            case RegoSet set:
                foreach (var item in OrderMatters(s, body, index, k) ? set.SortedItems : set.MembersInAnyOrder)
                {
                    if (!BindAndContinue(s, item, item, body, index, f, k))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// Whether a set must be iterated in order (OPA's) here. It need not when the search stops at
    /// its first solution and only reports that there is one (a rule whose value is a constant, see
    /// <see cref="BodyHolds"/>) and nothing after the iteration can fail differently for different
    /// members: then every order gives the same answer, and the members need neither sorting nor
    /// removing repeats.
    /// </summary>
    private bool OrderMatters(SomeInExpr s, Body body, int index, Func<bool> k)
    {
        if (!ReferenceEquals(k, _setHolds))
        {
            return true;
        }
        if (s.RestCannotFail == 0)
        {
            s.RestCannotFail = CannotFail(body, index + 1, readsRules: true) ? (byte)1 : (byte)2;
        }
        return s.RestCannotFail != 1;
    }

    /// <summary>Matches one element and runs the rest of the body; the key first, as the general path does.</summary>
    private bool BindAndContinue(SomeInExpr s, RegoValue key, RegoValue item, Body body, int index, RegoValue?[] f, Func<bool> k)
    {
        Tick(s.Value);
        var keySlot = -1;
        if (s.Key is not null && !MatchSimple(s.Key, key, f, out keySlot))
        {
            return true;
        }
        try
        {
            if (!MatchSimple(s.Value, item, f, out var valueSlot))
            {
                return true;
            }
            try
            {
                return EvalBody(body, index + 1, f, k);
            }
            finally
            {
                if (valueSlot >= 0)
                {
                    f[valueSlot] = null;
                }
            }
        }
        finally
        {
            if (keySlot >= 0)
            {
                f[keySlot] = null;
            }
        }
    }

    /// <summary>
    /// Binds an unbound variable (reporting its slot, to unbind) or compares a bound one or a direct
    /// term with the element; false when they differ or the term is undefined.
    /// </summary>
    private bool MatchSimple(Term t, RegoValue v, RegoValue?[] f, out int boundSlot)
    {
        boundSlot = -1;
        if (t is VarTerm { Kind: VarKind.Local } var && f[var.Slot] is null)
        {
            ValueSlots.Store(f, var.Slot, v);
            boundSlot = var.Slot;
            return true;
        }
        return EvalDirect(t, f) is { } x && x.Equals(v);
    }
}
