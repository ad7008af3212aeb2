using DataSpace.Rego.Ast;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// References: dereferencing values (unbound operands iterate), and walking the <c>data</c>
/// tree, where base documents, rules and <c>with</c> replacements meet.
/// </summary>
internal sealed partial class Evaluator
{
    private bool EvalRef(RefTerm r, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        switch (r.Head)
        {
            case VarTerm { Kind: VarKind.Input }:
                return State.Input is not { } input || DerefValue(input, r.Path, 0, f, k);
            case VarTerm { Kind: VarKind.Data }:
                return WalkData(_policy.Root, _policy.Data, State.Data, r.Path, 0, f, k);
            case VarTerm { Kind: VarKind.Global } g:
                return EvalGlobal(g, r.Path, f, k);
            case VarTerm { Kind: VarKind.Local } l:
                return f[l.Slot] is { } v ? DerefValue(v, r.Path, 0, f, k) : throw Unsafe(l);
            case VarTerm u:
                throw Unsafe(u);
            default:
                return EvalHeadThenDeref(r, f, k);
        }
    }

    private bool EvalHeadThenDeref(RefTerm r, RegoValue?[] f, Func<RegoValue, bool> k) =>
        EvalTerm(r.Head, f, v => DerefValue(v, r.Path, 0, f, k));

    private bool EvalGlobal(VarTerm g, Term[] path, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        Term[] ops = path.Length == 0 ? g.GlobalTerms : [.. g.GlobalTerms, .. path];
        if (g.GlobalIsInput)
        {
            return State.Input is not { } input || DerefValue(input, ops, 0, f, k);
        }
        return WalkData(_policy.Root, _policy.Data, State.Data, ops, 0, f, k);
    }

    internal static RegoValue? Lookup(RegoValue v, RegoValue key)
    {
        switch (v)
        {
            case RegoObject o:
                return o.TryGetValue(key, out var x) ? x : null;
            case RegoArray a:
                return key is RegoNumber n && n.TryGetInt32(out var i) && i >= 0 && i < a.Count ? a[i] : null;
            case RegoSet s:
                return s.Contains(key) ? key : null;
            default:
                return null;
        }
    }

    private bool DerefValue(RegoValue v, Term[] ops, int i, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        while (i < ops.Length)
        {
            var op = ops[i];
            if (op is VarTerm { Kind: VarKind.Local } var && f[var.Slot] is null)
            {
                return DerefIterate(v, var, ops, i, f, k);
            }
            if (IsPattern(op, f))
            {
                return DerefMatch(v, op, ops, i, f, k);
            }
            if (op is not ScalarTerm s)
            {
                return DerefEvaluated(v, op, ops, i, f, k);
            }
            if (Lookup(v, s.Value) is not { } c)
            {
                return true;
            }
            v = c;
            i++;
        }
        return k(v);
    }

    private bool DerefIterate(RegoValue v, VarTerm var, Term[] ops, int i, RegoValue?[] f, Func<RegoValue, bool> k) =>
        IterateKeys(v, (key, child) =>
        {
            Tick(var);
            ValueSlots.Store(f, var.Slot, key);
            try
            {
                return DerefValue(child, ops, i + 1, f, k);
            }
            finally
            {
                f[var.Slot] = null;
            }
        });

    private bool DerefMatch(RegoValue v, Term op, Term[] ops, int i, RegoValue?[] f, Func<RegoValue, bool> k) =>
        IterateKeys(v, (key, child) => Match(op, key, f, () => DerefValue(child, ops, i + 1, f, k)));

    private bool DerefEvaluated(RegoValue v, Term op, Term[] ops, int i, RegoValue?[] f, Func<RegoValue, bool> k) =>
        EvalTerm(op, f, key => Lookup(v, key) is not { } child || DerefValue(child, ops, i + 1, f, k));

    private static bool IterateKeys(RegoValue v, Func<RegoValue, RegoValue, bool> k)
    {
        switch (v)
        {
            case RegoArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!k(RegoNumber.Of(i), a[i]))
                    {
                        return false;
                    }
                }
                return true;
            case RegoObject o:
                foreach (var (key, value) in o.Entries)
                {
                    if (!k(key, value))
                    {
                        return false;
                    }
                }
                return true;
            case RegoSet s:
                foreach (var item in s.Items)
                {
                    if (!k(item, item))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    /// <summary>Walks <c>data</c>: descends rule nodes by constant keys, and falls back to full values to iterate.</summary>
    private bool WalkData(RuleNode? node, RegoValue? baseVal, OverrideNode? ovr, Term[] ops, int i, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        if (ovr?.Value is { } replaced)
        {
            return DerefValue(replaced, ops, i, f, k);
        }
        if (node is null)
        {
            var v = ovr is null ? baseVal : ovr.Apply(baseVal);
            if (v is RegoObject && i < ops.Length && ops[i] is ScalarTerm { Value: RegoNumber n })
            {
                // Base documents live in a store whose keys are strings: data.x[2] reads key "2".
                return Lookup(v, new RegoString(n.ToString())) is not { } child || WalkData(null, child, null, ops, i + 1, f, k);
            }
            return v is null || DerefValue(v, ops, i, f, k);
        }
        if (node.IsLeaf)
        {
            var v = RuleValue(node);
            if (ovr is not null)
            {
                v = ovr.Apply(v);
            }
            return v is null || DerefValue(v, ops, i, f, k);
        }
        if (node.IsFunction && node.Children.Count == 0)
        {
            return true;
        }
        if (i == ops.Length || node.Objects.Count > 0 || IsPattern(ops[i], f) || ops[i] is VarTerm { Kind: VarKind.Local } lv && f[lv.Slot] is null)
        {
            return DerefValue(FullValue(node, baseVal, ovr), ops, i, f, k);
        }
        return WalkDataByKey(node, baseVal, ovr, ops, i, f, k);
    }

    private bool WalkDataByKey(RuleNode node, RegoValue? baseVal, OverrideNode? ovr, Term[] ops, int i, RegoValue?[] f, Func<RegoValue, bool> k) =>
        EvalTerm(ops[i], f, key =>
            !TryDescend(node, baseVal, ovr, key, out var child, out var childBase, out var childOvr)
            || WalkData(child, childBase, childOvr, ops, i + 1, f, k));

    /// <summary>
    /// One step down the data document by <paramref name="key"/>: into the rule tree, the base
    /// data and the <c>with</c> overrides at once. Integer keys name object members as strings,
    /// as OPA's storage does. False when nothing exists under the key.
    /// </summary>
    private static bool TryDescend(RuleNode node, RegoValue? baseVal, OverrideNode? ovr, RegoValue key,
        out RuleNode? child, out RegoValue? childBase, out OverrideNode? childOvr)
    {
        child = null;
        childBase = null;
        childOvr = null;
        if (key is RegoNumber num && num.IsInteger)
        {
            key = new RegoString(num.ToString());
        }
        if (key is not RegoString s)
        {
            return false;
        }
        node.Children.TryGetValue(s.Value, out child);
        childBase = baseVal is RegoObject bo && bo.TryGetValue(s, out var cb) ? cb : null;
        ovr?.Children.TryGetValue(s.Value, out childOvr);
        return child is not null || childBase is not null || childOvr is not null;
    }

    /// <summary>The whole document at a non-leaf node: base data merged with every defined rule below it.</summary>
    private RegoValue FullValue(RuleNode node, RegoValue? baseVal, OverrideNode? ovr)
    {
        if (ovr is null && State.FullCache.TryGetValue(node, out var cached))
        {
            return cached;
        }
        var builder = ObjectBuilder.From(baseVal as RegoObject);
        foreach (var (name, child) in node.Children)
        {
            if (child.IsFunction && !child.IsLeaf && child.Children.Count == 0)
            {
                continue;
            }
            var key = new RegoString(name);
            var childBase = baseVal is RegoObject bo && bo.TryGetValue(key, out var cb) ? cb : null;
            var cv = child.IsLeaf ? RuleValue(child) : FullValue(child, childBase, null);
            if (cv is not null)
            {
                builder.Set(key, cv);
            }
        }
        if (node.Objects.Count > 0)
        {
            AddObjectRules(node, builder);
        }
        RegoValue result = builder.Build();
        if (ovr is not null)
        {
            return ovr.Apply(result)!;
        }
        State.FullCache[node] = result;
        return result;
    }
}
