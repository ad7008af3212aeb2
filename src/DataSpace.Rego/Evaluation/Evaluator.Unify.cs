using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Evaluation;

/// <summary>Unification of two terms, and matching a term (a pattern with unbound variables) against a value.</summary>
internal sealed partial class Evaluator
{
    private bool Unify(Term a, Term b, RegoValue?[] f, Func<bool> k)
    {
        var aPattern = IsPattern(a, f);
        var bPattern = IsPattern(b, f);
        if (aPattern && bPattern)
        {
            if (a is ArrayTerm aa && b is ArrayTerm ba)
            {
                return aa.Items.Length == ba.Items.Length && UnifyPairs(aa.Items, ba.Items, 0, f, k);
            }
            if (a is ObjectTerm ao && b is ObjectTerm bo)
            {
                return UnifyObjects(ao, bo, f, k);
            }
            if (a is VarTerm { Kind: VarKind.Local } va && f[va.Slot] is null)
            {
                // Both sides still open: report the variable OPA would call unsafe.
                throw Unsafe(va);
            }
        }
        return aPattern && !bPattern ? EvalThenMatch(b, a, f, k) : EvalThenMatch(a, b, f, k);
    }

    /// <summary>Evaluates <paramref name="source"/> and matches each value against <paramref name="pattern"/>.</summary>
    private bool EvalThenMatch(Term source, Term pattern, RegoValue?[] f, Func<bool> k) =>
        EvalTerm(source, f, v => Match(pattern, v, f, k));

    private bool UnifyPairs(Term[] a, Term[] b, int i, RegoValue?[] f, Func<bool> k) =>
        i == a.Length ? k() : Unify(a[i], b[i], f, () => UnifyPairs(a, b, i + 1, f, k));

    private bool UnifyObjects(ObjectTerm a, ObjectTerm b, RegoValue?[] f, Func<bool> k)
    {
        if (a.Entries.Length != b.Entries.Length)
        {
            return true;
        }
        var left = new Term[a.Entries.Length];
        var right = new Term[a.Entries.Length];
        for (var i = 0; i < a.Entries.Length; i++)
        {
            var key = TryGround(a.Entries[i].Key, f);
            var match = key is null ? -1 : Array.FindIndex(b.Entries, e => TryGround(e.Key, f) is { } bk && bk.Equals(key));
            if (match < 0)
            {
                return true;
            }
            left[i] = a.Entries[i].Value;
            right[i] = b.Entries[match].Value;
        }
        return UnifyPairs(left, right, 0, f, k);
    }

    /// <summary>True when the term has an unbound variable in a position unification can bind.</summary>
    private static bool IsPattern(Term t, RegoValue?[] f)
    {
        switch (t)
        {
            case VarTerm { Kind: VarKind.Local } v:
                return f[v.Slot] is null;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    if (IsPattern(item, f))
                    {
                        return true;
                    }
                }
                return false;
            case ObjectTerm o:
                foreach (var entry in o.Entries)
                {
                    if (IsPattern(entry.Value, f))
                    {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private bool Match(Term t, RegoValue value, RegoValue?[] f, Func<bool> k)
    {
        switch (t)
        {
            case VarTerm { Kind: VarKind.Local } v:
                {
                    var current = f[v.Slot];
                    if (current is not null)
                    {
                        return !current.Equals(value) || k();
                    }
                    ValueSlots.Store(f, v.Slot, value);
                    try
                    {
                        return k();
                    }
                    finally
                    {
                        f[v.Slot] = null;
                    }
                }
            case ScalarTerm s:
                return !s.Value.Equals(value) || k();
            case ArrayTerm a:
                return value is not RegoArray arr || arr.Count != a.Items.Length || MatchItems(a.Items, arr, 0, f, k);
            case ObjectTerm o when IsPattern(o, f):
                return value is not RegoObject obj || obj.Count != o.Entries.Length || MatchEntries(o, obj, 0, f, k);
            default:
                return MatchEvaluated(t, value, f, k);
        }
    }

    private bool MatchEvaluated(Term t, RegoValue value, RegoValue?[] f, Func<bool> k) =>
        EvalTerm(t, f, v => !v.Equals(value) || k());

    private bool MatchItems(Term[] items, RegoArray arr, int i, RegoValue?[] f, Func<bool> k) =>
        i == items.Length ? k() : Match(items[i], arr[i], f, () => MatchItems(items, arr, i + 1, f, k));

    private bool MatchEntries(ObjectTerm o, RegoObject obj, int i, RegoValue?[] f, Func<bool> k)
    {
        if (i == o.Entries.Length)
        {
            return k();
        }
        return EvalTerm(o.Entries[i].Key, f, key =>
            !obj.TryGetValue(key, out var v) || Match(o.Entries[i].Value, v, f, () => MatchEntries(o, obj, i + 1, f, k)));
    }
}
