using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>
/// Reorders body expressions so that variables are bound before they are read, as OPA's
/// compiler does (<c>reorderBodyForSafety</c>): repeatedly the first expression whose inputs
/// are bound runs next. An expression that can never become safe keeps its place; evaluation
/// then reports the unbound variable.
/// </summary>
internal sealed class SafetyReorderer(Func<CallTerm, int> arityOf)
{
    private sealed class Info
    {
        public HashSet<int> Inputs { get; } = [];

        public HashSet<int> Pattern { get; } = [];

        public HashSet<int> Generated { get; } = [];

        public HashSet<int> PatternRight { get; } = [];

        public bool BothComposite { get; set; }

        public bool IsAssign { get; set; }

        public bool IsUnify { get; set; }
    }

    public void Reorder(Body body, HashSet<int> bound)
    {
        var infos = body.Exprs.Select(Analyse).ToList();
        var bindable = new HashSet<int>(bound);
        for (var i = 0; i < infos.Count; i++)
        {
            if (!body.Exprs[i].Negated)
            {
                bindable.UnionWith(infos[i].Pattern);
                bindable.UnionWith(infos[i].PatternRight);
                bindable.UnionWith(infos[i].Generated);
            }
        }
        var current = new HashSet<int>(bound);
        var remaining = Enumerable.Range(0, infos.Count).ToList();
        var order = new List<Expr>(infos.Count);
        while (remaining.Count > 0)
        {
            var pick = remaining.FirstOrDefault(i => Ready(body.Exprs[i], infos[i], current, bindable), -1);
            if (pick < 0)
            {
                pick = remaining[0];
            }
            remaining.Remove(pick);
            var e = body.Exprs[pick];
            order.Add(e);
            if (!e.Negated)
            {
                current.UnionWith(infos[pick].Pattern);
                current.UnionWith(infos[pick].PatternRight);
                current.UnionWith(infos[pick].Generated);
            }
            ReorderNested(e, current);
        }
        body.Exprs = order;
    }

    private void ReorderNested(Expr e, HashSet<int> bound)
    {
        switch (e)
        {
            case EveryExpr ev:
                {
                    var inner = new HashSet<int>(bound);
                    if (ev.Key is { } k)
                    {
                        Resolver.CollectSlots(k, inner);
                    }
                    Resolver.CollectSlots(ev.Value, inner);
                    Reorder(ev.Body, inner);
                    VisitTerm(ev.Domain, bound);
                    break;
                }
            case UnifyExpr u:
                VisitTerm(u.Left, bound);
                VisitTerm(u.Right, bound);
                break;
            case TermExpr t:
                VisitTerm(t.Term, bound);
                break;
            case SomeInExpr s:
                VisitTerm(s.Collection, bound);
                break;
        }
        foreach (var w in e.With)
        {
            VisitTerm(w.Value, bound);
        }
    }

    /// <summary>Reorders comprehension bodies nested in a term, given the variables bound around them.</summary>
    private void VisitTerm(Term t, HashSet<int> bound)
    {
        switch (t)
        {
            case ComprehensionTerm c:
                Reorder(c.Body, new HashSet<int>(bound));
                break;
            case RefTerm r:
                VisitTerm(r.Head, bound);
                foreach (var p in r.Path)
                {
                    VisitTerm(p, bound);
                }
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    VisitTerm(i, bound);
                }
                break;
            case SetTerm s:
                foreach (var i in s.Items)
                {
                    VisitTerm(i, bound);
                }
                break;
            case ObjectTerm o:
                foreach (var (k, v) in o.Entries)
                {
                    VisitTerm(k, bound);
                    VisitTerm(v, bound);
                }
                break;
            case CallTerm c:
                foreach (var a in c.Args)
                {
                    VisitTerm(a, bound);
                }
                break;
        }
    }

    private static bool Ready(Expr e, Info info, HashSet<int> bound, HashSet<int> bindable)
    {
        bool AllBound(HashSet<int> s) => s.All(x => bound.Contains(x) || (e.Negated && !bindable.Contains(x)));
        if (!AllBound(info.Inputs))
        {
            return false;
        }
        if (e.Negated)
        {
            return AllBound(info.Pattern) && AllBound(info.PatternRight) && AllBound(info.Generated);
        }
        if (info.IsAssign)
        {
            return AllBound(info.PatternRight);
        }
        if (info.IsUnify)
        {
            return AllBound(info.Pattern) || AllBound(info.PatternRight) || info.BothComposite;
        }
        return true;
    }

    private Info Analyse(Expr e)
    {
        var info = new Info();
        foreach (var w in e.With)
        {
            Walk(w.Value, false, info, info.Inputs);
        }
        switch (e)
        {
            case TermExpr { Term: CallTerm c } when arityOf(c) is var n && n >= 0 && c.Args.Length == n + 1:
                for (var i = 0; i < n; i++)
                {
                    Walk(c.Args[i], false, info, info.Inputs);
                }
                Walk(c.Args[n], true, info, info.Generated);
                break;
            case TermExpr t:
                Walk(t.Term, false, info, info.Inputs);
                break;
            case UnifyExpr u:
                info.IsAssign = u.IsAssign;
                info.IsUnify = !u.IsAssign;
                Walk(u.Left, true, info, info.Pattern);
                Walk(u.Right, true, info, info.PatternRight);
                info.BothComposite = u.Left is ArrayTerm or ObjectTerm && u.Right is ArrayTerm or ObjectTerm;
                break;
            case SomeInExpr s:
                Walk(s.Collection, false, info, info.Inputs);
                if (s.Key is { } k)
                {
                    Walk(k, true, info, info.Generated);
                }
                Walk(s.Value, true, info, info.Generated);
                break;
            case EveryExpr ev:
                Walk(ev.Domain, false, info, info.Inputs);
                info.Inputs.UnionWith(ev.Body.Closure);
                break;
        }
        return info;
    }

    /// <summary>Collects slots: plain variables go to <paramref name="pattern"/> in pattern position, else inputs; ref operands are generated.</summary>
    private void Walk(Term t, bool patternPos, Info info, HashSet<int> pattern)
    {
        switch (t)
        {
            case VarTerm { Kind: VarKind.Local } v:
                (patternPos ? pattern : info.Inputs).Add(v.Slot);
                break;
            case RefTerm r:
                if (r.Head is VarTerm { Kind: VarKind.Local } hv)
                {
                    info.Inputs.Add(hv.Slot);
                }
                else
                {
                    Walk(r.Head, false, info, pattern);
                }
                foreach (var p in r.Path)
                {
                    if (p is VarTerm { Kind: VarKind.Local } pv)
                    {
                        info.Generated.Add(pv.Slot);
                    }
                    else if (p is ArrayTerm or ObjectTerm)
                    {
                        Walk(p, true, info, info.Generated);
                    }
                    else
                    {
                        Walk(p, false, info, pattern);
                    }
                }
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    Walk(i, patternPos, info, pattern);
                }
                break;
            case ObjectTerm o:
                foreach (var (k, v) in o.Entries)
                {
                    Walk(k, false, info, pattern);
                    Walk(v, patternPos, info, pattern);
                }
                break;
            case SetTerm s:
                foreach (var i in s.Items)
                {
                    Walk(i, false, info, pattern);
                }
                break;
            case ComprehensionTerm c:
                info.Inputs.UnionWith(c.Body.Closure);
                break;
            case CallTerm c:
                foreach (var a in c.Args)
                {
                    Walk(a, false, info, pattern);
                }
                break;
            case TemplateTerm tt:
                foreach (var part in tt.Parts)
                {
                    if (part is TermExpr { Term: var inner })
                    {
                        Walk(inner, false, info, pattern);
                    }
                }
                break;
        }
    }
}
