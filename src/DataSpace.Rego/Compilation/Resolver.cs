using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>
/// Resolves every variable of a rule or query once, at compile time: local variables get frame
/// slots (honouring <c>:=</c>, <c>some</c> and comprehension scopes), and names of rules and
/// imports become global paths. Call operators are resolved to user functions or builtins.
/// </summary>
internal sealed class Resolver(ModuleScope module, RuleNode root)
{
    private readonly List<string> _slots = [];

    public int SlotCount => _slots.Count;

    public List<string> SlotNames => _slots;

    public void ResolveRule(Rule rule)
    {
        var scope = new Scope(null);
        var argSlots = new HashSet<int>();
        if (rule.Head.Args is { } args)
        {
            foreach (var arg in args)
            {
                DeclarePattern(arg, scope);
                ResolveTerm(arg, scope);
                CollectSlots(arg, argSlots);
            }
        }
        Prescan(rule.Body, scope);
        ResolveBody(rule.Body, scope);
        foreach (var t in rule.Head.DynamicPath)
        {
            ResolveTerm(t, scope);
        }
        if (rule.Head.Member is { } m)
        {
            ResolveTerm(m, scope);
        }
        if (rule.Head.Value is { } v)
        {
            ResolveTerm(v, scope);
        }
        rule.Body.Closure = argSlots;
        rule.SlotCount = _slots.Count;
        rule.SlotNames.AddRange(_slots);
    }

    public void ResolveQuery(Body body)
    {
        var scope = new Scope(null);
        Prescan(body, scope);
        ResolveBody(body, scope);
    }

    private int NewSlot(string name)
    {
        _slots.Add(name);
        return _slots.Count - 1;
    }

    private bool IsGlobalName(string name) =>
        name is "input" or "data" || module.Imports.ContainsKey(name) || module.RuleNames.Contains(name);

    /// <summary>Declares, before resolution, the plain variables a body uses at its own level, so nested scopes share them.</summary>
    private void Prescan(Body body, Scope scope)
    {
        foreach (var e in body.Exprs)
        {
            switch (e)
            {
                case SomeExpr or EveryExpr or SomeInExpr:
                    break;
                case UnifyExpr { IsAssign: true } u:
                    PrescanTerm(u.Right, scope);
                    break;
                case UnifyExpr u:
                    PrescanTerm(u.Left, scope);
                    PrescanTerm(u.Right, scope);
                    break;
                case TermExpr t:
                    PrescanTerm(t.Term, scope);
                    break;
            }
        }
    }

    private void PrescanTerm(Term term, Scope scope)
    {
        switch (term)
        {
            case VarTerm v when v.Name != "_" && !IsGlobalName(v.Name) && !scope.TryLookup(v.Name, out _):
                scope.Declare(v.Name, NewSlot(v.Name));
                break;
            case RefTerm r:
                PrescanTerm(r.Head, scope);
                foreach (var p in r.Path)
                {
                    PrescanTerm(p, scope);
                }
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    PrescanTerm(i, scope);
                }
                break;
            case SetTerm s:
                foreach (var i in s.Items)
                {
                    PrescanTerm(i, scope);
                }
                break;
            case ObjectTerm o:
                foreach (var (k, v) in o.Entries)
                {
                    PrescanTerm(k, scope);
                    PrescanTerm(v, scope);
                }
                break;
            case CallTerm c:
                foreach (var a in c.Args)
                {
                    PrescanTerm(a, scope);
                }
                break;
        }
    }

    private void ResolveBody(Body body, Scope scope)
    {
        foreach (var e in body.Exprs)
        {
            ResolveExpr(e, scope);
        }
    }

    private void ResolveExpr(Expr expr, Scope scope)
    {
        foreach (var w in expr.With)
        {
            ResolveWithTarget(w.Target, scope);
            ResolveWithValue(w.Value, scope);
        }
        switch (expr)
        {
            case SomeExpr s:
                foreach (var v in s.Vars)
                {
                    var slot = NewSlot(v.Name);
                    scope.Declare(v.Name, slot);
                    v.Kind = VarKind.Local;
                    v.Slot = slot;
                }
                break;
            case SomeInExpr si:
                ResolveTerm(si.Collection, scope);
                if (si.Key is { } key)
                {
                    DeclarePattern(key, scope);
                    ResolveTerm(key, scope);
                }
                DeclarePattern(si.Value, scope);
                ResolveTerm(si.Value, scope);
                break;
            case UnifyExpr { IsAssign: true } a:
                ResolveTerm(a.Right, scope);
                DeclarePattern(a.Left, scope);
                ResolveTerm(a.Left, scope);
                break;
            case UnifyExpr u:
                ResolveTerm(u.Left, scope);
                ResolveTerm(u.Right, scope);
                break;
            case TermExpr t:
                ResolveTerm(t.Term, scope);
                break;
            case EveryExpr ev:
                {
                    ResolveTerm(ev.Domain, scope);
                    var child = new Scope(scope);
                    if (ev.Key is { } k)
                    {
                        DeclarePattern(k, child);
                        ResolveTerm(k, child);
                    }
                    DeclarePattern(ev.Value, child);
                    ResolveTerm(ev.Value, child);
                    Prescan(ev.Body, child);
                    ResolveBody(ev.Body, child);
                    ev.Body.Closure = child.Closure;
                    break;
                }
        }
    }

    /// <summary>Gives fresh slots to the variables a pattern (<c>:=</c> target, <c>some … in</c>) declares.</summary>
    private void DeclarePattern(Term term, Scope scope)
    {
        switch (term)
        {
            case VarTerm v when v.Name != "_":
                scope.Declare(v.Name, NewSlot(v.Name));
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    DeclarePattern(i, scope);
                }
                break;
            case ObjectTerm o:
                foreach (var (_, v) in o.Entries)
                {
                    DeclarePattern(v, scope);
                }
                break;
        }
    }

    private void ResolveWithTarget(Term target, Scope scope)
    {
        switch (target)
        {
            case VarTerm v:
                ResolveName(v, scope, declare: false);
                break;
            case RefTerm { Head: VarTerm h } r:
                ResolveName(h, scope, declare: false);
                foreach (var p in r.Path)
                {
                    ResolveTerm(p, scope);
                }
                break;
        }
    }

    /// <summary>
    /// A with value naming a builtin (<c>with count as object.union_n</c>) stays unresolved, so it
    /// is read as a function reference rather than declaring a fresh (unsafe) local variable.
    /// </summary>
    private void ResolveWithValue(Term value, Scope scope)
    {
        var builtinName = value switch
        {
            VarTerm v => v.Name,
            RefTerm { Head: VarTerm h } r when r.Path.All(p => p is ScalarTerm { Value: RegoString }) =>
                string.Join('.', [h.Name, .. r.Path.Select(p => ((RegoString)((ScalarTerm)p).Value).Value)]),
            _ => null,
        };
        var head = value is RefTerm { Head: VarTerm rh } ? rh : value as VarTerm;
        if (builtinName is not null && head is not null && !NameIsBound(head.Name, scope) && Builtins.BuiltinRegistry.TryGet(builtinName, out _))
        {
            head.Kind = VarKind.Unresolved;
            return;
        }
        ResolveTerm(value, scope);
    }

    private bool NameIsBound(string name, Scope scope) =>
        name is "input" or "data" || scope.TryLookup(name, out _) || module.Imports.ContainsKey(name) || module.RuleNames.Contains(name);

    private void ResolveName(VarTerm v, Scope scope, bool declare)
    {
        if (v.Name == "_")
        {
            v.Kind = VarKind.Local;
            v.Slot = NewSlot("_");
            return;
        }
        if (scope.TryLookup(v.Name, out var slot))
        {
            v.Kind = VarKind.Local;
            v.Slot = slot;
            return;
        }
        switch (v.Name)
        {
            case "input":
                v.Kind = VarKind.Input;
                return;
            case "data":
                v.Kind = VarKind.Data;
                return;
        }
        if (module.Imports.TryGetValue(v.Name, out var imp))
        {
            v.Kind = VarKind.Global;
            v.GlobalIsInput = imp.Path[0] == "input";
            v.GlobalPath = imp.Path[1..];
            return;
        }
        if (module.RuleNames.Contains(v.Name))
        {
            v.Kind = VarKind.Global;
            v.GlobalPath = [.. module.Package, v.Name];
            return;
        }
        if (declare)
        {
            slot = NewSlot(v.Name);
            scope.Declare(v.Name, slot);
            v.Kind = VarKind.Local;
            v.Slot = slot;
        }
    }

    private void ResolveTerm(Term term, Scope scope)
    {
        switch (term)
        {
            case VarTerm v:
                ResolveName(v, scope, declare: true);
                break;
            case RefTerm r:
                ResolveTerm(r.Head, scope);
                foreach (var p in r.Path)
                {
                    ResolveTerm(p, scope);
                }
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    ResolveTerm(i, scope);
                }
                break;
            case SetTerm s:
                foreach (var i in s.Items)
                {
                    ResolveTerm(i, scope);
                }
                break;
            case ObjectTerm o:
                foreach (var (k, v) in o.Entries)
                {
                    ResolveTerm(k, scope);
                    ResolveTerm(v, scope);
                }
                break;
            case ComprehensionTerm c:
                {
                    var child = new Scope(scope);
                    Prescan(c.Body, child);
                    ResolveBody(c.Body, child);
                    if (c.Key is { } key)
                    {
                        ResolveTerm(key, child);
                    }
                    ResolveTerm(c.Value, child);
                    c.Body.Closure = child.Closure;
                    break;
                }
            case CallTerm call:
                foreach (var a in call.Args)
                {
                    ResolveTerm(a, scope);
                }
                ResolveCall(call);
                break;
            case TemplateTerm t:
                foreach (var part in t.Parts)
                {
                    if (part is Expr e)
                    {
                        ResolveExpr(e, scope);
                    }
                }
                break;
        }
    }

    private void ResolveCall(CallTerm call)
    {
        var parts = call.Operator.Split('.');
        string[]? path = null;
        if (parts[0] == "data")
        {
            path = parts[1..];
        }
        else if (module.Imports.TryGetValue(parts[0], out var imp) && imp.Path[0] == "data")
        {
            path = [.. imp.Path[1..], .. parts[1..]];
        }
        else if (module.RuleNames.Contains(parts[0]))
        {
            path = [.. module.Package, .. parts];
        }
        if (path is not null && root.Find(path) is { IsFunction: true })
        {
            call.FunctionPath = path;
            call.ResolvedName = "data." + string.Join('.', path);
        }
        else if (path is not null && parts[0] == "data")
        {
            call.FunctionPath = path;
            call.ResolvedName = call.Operator;
        }
    }

    public static void CollectSlots(Term term, HashSet<int> into)
    {
        switch (term)
        {
            case VarTerm { Kind: VarKind.Local } v:
                into.Add(v.Slot);
                break;
            case ArrayTerm a:
                foreach (var i in a.Items)
                {
                    CollectSlots(i, into);
                }
                break;
            case ObjectTerm o:
                foreach (var (k, v) in o.Entries)
                {
                    CollectSlots(k, into);
                    CollectSlots(v, into);
                }
                break;
            case SetTerm s:
                foreach (var i in s.Items)
                {
                    CollectSlots(i, into);
                }
                break;
            case RefTerm r:
                CollectSlots(r.Head, into);
                foreach (var p in r.Path)
                {
                    CollectSlots(p, into);
                }
                break;
            case CallTerm c:
                foreach (var a in c.Args)
                {
                    CollectSlots(a, into);
                }
                break;
        }
    }
}
