using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>Visits every call term in a body or term, including nested bodies.</summary>
internal static class TermWalker
{
    public static void VisitBody(Body body, Action<CallTerm> visit)
    {
        foreach (var e in body.Exprs)
        {
            VisitExpr(e, visit);
        }
    }

    public static void VisitExpr(Expr e, Action<CallTerm> visit)
    {
        foreach (var w in e.With)
        {
            Visit(w.Value, visit);
        }
        switch (e)
        {
            case TermExpr t:
                Visit(t.Term, visit);
                break;
            case UnifyExpr u:
                Visit(u.Left, visit);
                Visit(u.Right, visit);
                break;
            case SomeInExpr s:
                Visit(s.Collection, visit);
                if (s.Key is not null)
                {
                    Visit(s.Key, visit);
                }
                Visit(s.Value, visit);
                break;
            case EveryExpr ev:
                Visit(ev.Domain, visit);
                VisitBody(ev.Body, visit);
                break;
        }
    }

    public static void Visit(Term t, Action<CallTerm> visit)
    {
        switch (t)
        {
            case CallTerm c:
                visit(c);
                foreach (var a in c.Args)
                {
                    Visit(a, visit);
                }
                break;
            case RefTerm r:
                Visit(r.Head, visit);
                foreach (var p in r.Path)
                {
                    Visit(p, visit);
                }
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    Visit(i, visit);
                }
                break;
            case SetTerm s:
                foreach (var i in s.Items)
                {
                    Visit(i, visit);
                }
                break;
            case ObjectTerm o:
                foreach (var (k, v) in o.Entries)
                {
                    Visit(k, visit);
                    Visit(v, visit);
                }
                break;
            case ComprehensionTerm c:
                if (c.Key is not null)
                {
                    Visit(c.Key, visit);
                }
                Visit(c.Value, visit);
                VisitBody(c.Body, visit);
                break;
            case TemplateTerm tt:
                foreach (var p in tt.Parts)
                {
                    if (p is Expr e)
                    {
                        VisitExpr(e, visit);
                    }
                }
                break;
        }
    }
}
