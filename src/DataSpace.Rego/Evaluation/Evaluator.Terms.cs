using System.Text;
using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Evaluation;

/// <summary>Terms: each yields zero or more values to its continuation.</summary>
internal sealed partial class Evaluator
{
    private bool EvalTerm(Term t, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        switch (t)
        {
            case ScalarTerm s:
                return k(s.Value);
            case VarTerm v:
                return EvalVar(v, f, k);
            case RefTerm r:
                return EvalRef(r, f, k);
            case ArrayTerm a:
                return TryGround(a, f) is { } ga ? k(ga) : EvalArray(a, f, k);
            case SetTerm s:
                return EvalSet(s, f, k);
            case ObjectTerm o:
                return EvalObject(o, f, k);
            case ComprehensionTerm c:
                return k(EvalComprehension(c, f));
            case CallTerm c:
                return EvalCall(c, f, k);
            case TemplateTerm tt:
                return EvalTemplate(tt, f) is { } s2 ? k(s2) : true;
            default:
                throw new InvalidOperationException($"unknown term {t.GetType().Name}");
        }
    }

    private bool EvalArray(ArrayTerm a, RegoValue?[] f, Func<RegoValue, bool> k) =>
        EvalItems(a.Items, 0, new RegoValue[a.Items.Length], f, items => k(new RegoArray((RegoValue[])items.Clone())));

    private bool EvalSet(SetTerm s, RegoValue?[] f, Func<RegoValue, bool> k) =>
        EvalItems(s.Items, 0, new RegoValue[s.Items.Length], f, items => k(new RegoSet(items)));

    private bool EvalVar(VarTerm v, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        switch (v.Kind)
        {
            case VarKind.Local:
                return f[v.Slot] is { } value ? k(value) : throw Unsafe(v);
            case VarKind.Input:
                return State.Input is { } input ? k(input) : true;
            case VarKind.Data:
                return WalkData(_policy.Root, _policy.Data, State.Data, [], 0, f, k);
            case VarKind.Global:
                return EvalGlobal(v, [], f, k);
            default:
                throw Unsafe(v);
        }
    }

    /// <summary>Evaluates a ground term without enumeration, or returns null when it is not simple.</summary>
    private static RegoValue? TryGround(Term t, RegoValue?[] f)
    {
        switch (t)
        {
            case ScalarTerm s:
                return s.Value;
            case VarTerm { Kind: VarKind.Local } v:
                return f[v.Slot];
            case ArrayTerm a:
                {
                    var items = new RegoValue[a.Items.Length];
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (TryGround(a.Items[i], f) is not { } x)
                        {
                            return null;
                        }
                        items[i] = x;
                    }
                    return new RegoArray(items);
                }
            default:
                return null;
        }
    }

    private bool EvalItems(Term[] items, int i, RegoValue[] buf, RegoValue?[] f, Func<RegoValue[], bool> k)
    {
        if (i == items.Length)
        {
            return k(buf);
        }
        return EvalTerm(items[i], f, v =>
        {
            buf[i] = v;
            return EvalItems(items, i + 1, buf, f, k);
        });
    }

    private bool EvalObject(ObjectTerm o, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        var terms = new Term[o.Entries.Length * 2];
        for (var i = 0; i < o.Entries.Length; i++)
        {
            terms[2 * i] = o.Entries[i].Key;
            terms[(2 * i) + 1] = o.Entries[i].Value;
        }
        return EvalItems(terms, 0, new RegoValue[terms.Length], f, items =>
        {
            var map = new Dictionary<RegoValue, RegoValue>(o.Entries.Length);
            for (var i = 0; i < items.Length; i += 2)
            {
                map[items[i]] = items[i + 1];
            }
            return k(new RegoObject(map));
        });
    }

    private RegoValue EvalComprehension(ComprehensionTerm c, RegoValue?[] f)
    {
        switch (c.Kind)
        {
            case ComprehensionKind.Array:
                {
                    var list = new List<RegoValue>();
                    EvalBody(c.Body, 0, f, () => EvalTerm(c.Value, f, v =>
                    {
                        list.Add(v);
                        return true;
                    }));
                    return new RegoArray(list.ToArray());
                }
            case ComprehensionKind.Set:
                {
                    var set = new HashSet<RegoValue>();
                    EvalBody(c.Body, 0, f, () => EvalTerm(c.Value, f, v =>
                    {
                        set.Add(v);
                        return true;
                    }));
                    return new RegoSet(set);
                }
            default:
                {
                    var map = new Dictionary<RegoValue, RegoValue>();
                    EvalBody(c.Body, 0, f, () => EvalTerm(c.Key!, f, key => EvalTerm(c.Value, f, v =>
                    {
                        if (map.TryGetValue(key, out var existing) && !existing.Equals(v))
                        {
                            throw new RegoException(ErrorCodes.Conflict, ErrorCodes.ObjectConflict, c.Location);
                        }
                        map[key] = v;
                        return true;
                    })));
                    return new RegoObject(map);
                }
        }
    }

    /// <summary>Renders a template string: strings verbatim, other values in Rego syntax, undefined as <c>&lt;undefined&gt;</c>.</summary>
    private RegoString? EvalTemplate(TemplateTerm t, RegoValue?[] f)
    {
        var sb = new StringBuilder();
        foreach (var part in t.Parts)
        {
            if (part is string s)
            {
                sb.Append(s);
                continue;
            }
            var expr = (Expr)part;
            RegoValue? value = null;
            var values = 0;
            Func<bool> run = () => TemplateValue(expr, f, v =>
            {
                values++;
                if (values > 1 && !v.Equals(value))
                {
                    throw new RegoException(ErrorCodes.Conflict, "template expression produced multiple outputs", expr.Location);
                }
                value = v;
                return true;
            });
            if (expr.With.Length > 0)
            {
                EvalWith(expr.With, f, () => true, inner => run() && inner());
            }
            else
            {
                run();
            }
            switch (value)
            {
                case null:
                    sb.Append("<undefined>");
                    break;
                case RegoString str:
                    sb.Append(str.Value);
                    break;
                default:
                    sb.Append(value.ToString());
                    break;
            }
        }
        return new RegoString(sb.ToString());
    }

    private bool TemplateValue(Expr expr, RegoValue?[] f, Func<RegoValue, bool> k)
    {
        if (expr is TermExpr { Negated: false } te && !(te.Term is CallTerm c && HasOutputArg(c)))
        {
            return EvalTerm(te.Term, f, k);
        }
        var holds = false;
        EvalUnmodified(expr, f, () =>
        {
            holds = true;
            return false;
        });
        return k(RegoBoolean.Of(holds));
    }
}
