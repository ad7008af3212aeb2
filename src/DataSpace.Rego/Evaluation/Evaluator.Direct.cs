using System.Runtime.CompilerServices;
using DataSpace.Rego.Ast;
using DataSpace.Rego.Builtins;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Direct evaluation of terms that yield at most one value (no unbound variables, no relations,
/// no mocks). Most body expressions are such tests or assignments; evaluating them by return value
/// instead of through a continuation saves a closure and a delegate per expression per solution,
/// which is most of the interpreter's cost on typical policies. Anything else falls back to the
/// continuation-passing evaluator, so results are the same either way.
/// </summary>
internal sealed partial class Evaluator
{
    internal RegoValue? Input => State.Input;

    internal bool HasMocks => State.Mocks is not null;

    internal bool HasDataOverrides => State.Data is not null;

    /// <summary>True when <paramref name="t"/> yields at most one value with the current bindings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsDirect(Term t, RegoValue?[] f) =>
        t.Directness == 1 || (t.Directness == 2 && t.Compiled is { } c && ReferenceEquals(c.Policy, _policy) ? c.IsDirect(this, f) : IsDirectSlow(t, f));

    // First use of a term, terms without a compiled form, and terms compiled for another policy.
    private bool IsDirectSlow(Term t, RegoValue?[] f)
    {
        if (t.Directness == 0)
        {
            t.Directness = AlwaysDirect(t) ? (byte)1 : (byte)2;
        }
        if (t.Directness == 1)
        {
            return true;
        }
        if (CompiledOf(t) is { } compiled)
        {
            return compiled.IsDirect(this, f);
        }
        switch (t)
        {
            case ScalarTerm:
            case ComprehensionTerm:
            case TemplateTerm:
                return true;
            case VarTerm v:
                return v.Kind is VarKind.Input or VarKind.Data or VarKind.Global || (v.Kind == VarKind.Local && f[v.Slot] is not null);
            case RefTerm r:
                if (!IsDirect(r.Head, f))
                {
                    return false;
                }
                foreach (var op in r.Path)
                {
                    if (!IsDirect(op, f))
                    {
                        return false;
                    }
                }
                return true;
            case CallTerm c:
                if (State.Mocks is not null || HasOutputArg(c))
                {
                    return false;
                }
                var target = TargetOf(c);
                if (target.Function is null && target.Builtin is not { Relation: null })
                {
                    return false;
                }
                return AllDirect(c.Args, f);
            case ArrayTerm a:
                return AllDirect(a.Items, f);
            case SetTerm s:
                return AllDirect(s.Items, f);
            case ObjectTerm o:
                foreach (var (key, value) in o.Entries)
                {
                    if (!IsDirect(key, f) || !IsDirect(value, f))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when the term is direct whatever the bindings: no local variables, no calls (mocks are dynamic).</summary>
    private static bool AlwaysDirect(Term t) => t switch
    {
        ScalarTerm or ComprehensionTerm or TemplateTerm => true,
        VarTerm v => v.Kind is VarKind.Input or VarKind.Data or VarKind.Global,
        RefTerm r => AlwaysDirect(r.Head) && r.Path.All(AlwaysDirect),
        ArrayTerm a => a.Items.All(AlwaysDirect),
        SetTerm s => s.Items.All(AlwaysDirect),
        ObjectTerm o => o.Entries.All(e => AlwaysDirect(e.Key) && AlwaysDirect(e.Value)),
        _ => false,
    };

    private bool AllDirect(Term[] terms, RegoValue?[] f)
    {
        foreach (var t in terms)
        {
            if (!IsDirect(t, f))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The term's compiled form for this policy, compiled on first use; null when it has none.</summary>
    private DirectTerm? CompiledOf(Term t)
    {
        var compiled = t.Compiled ??= DirectCompiler.Compile(t, _policy);
        return ReferenceEquals(compiled, DirectTerm.None) || !ReferenceEquals(compiled.Policy, _policy) ? null : compiled;
    }

    /// <summary>The single value of a term that <see cref="IsDirect"/> accepted; null when undefined.</summary>
    private RegoValue? EvalDirect(Term t, RegoValue?[] f) =>
        CompiledOf(t) is { } compiled ? compiled.Eval(this, f) : EvalDirectInterpreted(t, f);

    /// <summary><see cref="EvalDirect"/> by walking the syntax tree: for terms with no compiled form, and under <c>with</c> replacements of data.</summary>
    internal RegoValue? EvalDirectInterpreted(Term t, RegoValue?[] f)
    {
        switch (t)
        {
            case ScalarTerm s:
                return s.Value;
            case VarTerm { Kind: VarKind.Local } v:
                return f[v.Slot];
            case VarTerm { Kind: VarKind.Input }:
                return State.Input;
            case VarTerm { Kind: VarKind.Data }:
                return WalkDataDirect(_policy.Root, _policy.Data, State.Data, [], 0, f);
            case VarTerm { Kind: VarKind.Global } g:
                return GlobalDirect(g, f);
            case RefTerm r:
                return RefDirect(r, f);
            case CallTerm c:
                return CallDirect(c, f);
            default:
                return FirstValue(t, f);
        }
    }

    // Apart from EvalDirect: a lambda's captured locals are allocated on entry to the method that declares them.
    private RegoValue? FirstValue(Term t, RegoValue?[] f)
    {
        RegoValue? result = null;
        EvalTerm(t, f, v =>
        {
            result = v;
            return false;
        });
        return result;
    }

    private RegoValue? RefDirect(RefTerm r, RegoValue?[] f)
    {
        switch (r.Head)
        {
            case VarTerm { Kind: VarKind.Input }:
                return State.Input is { } input ? DerefDirect(input, r.Path, 0, f) : null;
            case VarTerm { Kind: VarKind.Data }:
                return DataDirect(r, r.Path, f);
            case VarTerm { Kind: VarKind.Global } g when r.Path.Length == 0:
                return GlobalDirect(g, f);
            case VarTerm { Kind: VarKind.Global } g when g.GlobalIsInput:
                return State.Input is { } gi ? DerefDirect(DerefDirect(gi, g.GlobalTerms, 0, f), r.Path, 0, f) : null;
            case VarTerm { Kind: VarKind.Global } g when State.Data is null && Prefix(g, g.GlobalTerms) is { Node: { } leaf } p && p.Depth == g.GlobalTerms.Length:
                // A rule of this package (or an import) with operands after it: `user_roles[name]`.
                return RuleValue(leaf) is { } lv ? DerefDirect(lv, r.Path, 0, f) : null;
            case VarTerm { Kind: VarKind.Global } g:
                // Global paths are static strings, then the ref's own operands.
                return WalkDataDirect(_policy.Root, _policy.Data, State.Data, [.. g.GlobalTerms, .. r.Path], 0, f);
            default:
                return EvalDirect(r.Head, f) is { } head ? DerefDirect(head, r.Path, 0, f) : null;
        }
    }

    private RegoValue? GlobalDirect(VarTerm g, RegoValue?[] f) =>
        g.GlobalIsInput
            ? State.Input is { } input ? DerefDirect(input, g.GlobalTerms, 0, f) : null
            : DataDirect(g, g.GlobalTerms, f);

    /// <summary>A reference under <c>data</c>: straight to the rule it names when it can, else the full walk.</summary>
    private RegoValue? DataDirect(Term owner, Term[] ops, RegoValue?[] f)
    {
        if (State.Data is null && Prefix(owner, ops) is { Node: { } leaf } prefix)
        {
            return RuleValue(leaf) is { } v ? DerefDirect(v, ops, prefix.Depth, f) : null;
        }
        return WalkDataDirect(_policy.Root, _policy.Data, State.Data, ops, 0, f);
    }

    private RulePrefix Prefix(Term owner, Term[] ops) => owner.DataPrefix ??= RulePrefix.Find(_policy.Root, ops);

    private RegoValue? DerefDirect(RegoValue? v, Term[] ops, int i, RegoValue?[] f)
    {
        for (; i < ops.Length && v is not null; i++)
        {
            if (EvalDirect(ops[i], f) is not { } key)
            {
                return null;
            }
            v = Lookup(v, key);
        }
        return v;
    }

    /// <summary>The direct form of <see cref="WalkData"/>: the same cases, for operands that are all ground.</summary>
    private RegoValue? WalkDataDirect(RuleNode? node, RegoValue? baseVal, OverrideNode? ovr, Term[] ops, int i, RegoValue?[] f)
    {
        while (true)
        {
            if (ovr?.Value is { } replaced)
            {
                return DerefDirect(replaced, ops, i, f);
            }
            if (node is null)
            {
                var v = ovr is null ? baseVal : ovr.Apply(baseVal);
                if (v is RegoObject && i < ops.Length && ops[i] is ScalarTerm { Value: RegoNumber n })
                {
                    // Base documents live in a store whose keys are strings: data.x[2] reads key "2".
                    baseVal = Lookup(v, new RegoString(n.ToString()));
                    ovr = null;
                    i++;
                    if (baseVal is null)
                    {
                        return null;
                    }
                    continue;
                }
                return v is null ? null : DerefDirect(v, ops, i, f);
            }
            if (node.IsLeaf)
            {
                var v = RuleValue(node);
                if (ovr is not null)
                {
                    v = ovr.Apply(v);
                }
                return v is null ? null : DerefDirect(v, ops, i, f);
            }
            if (node.IsFunction && node.Children.Count == 0)
            {
                return null;
            }
            if (i == ops.Length || node.Objects.Count > 0)
            {
                return DerefDirect(FullValue(node, baseVal, ovr), ops, i, f);
            }
            if (EvalDirect(ops[i], f) is not { } key || !TryDescend(node, baseVal, ovr, key, out var child, out var childBase, out var childOvr))
            {
                return null;
            }
            node = child;
            baseVal = childBase;
            ovr = childOvr;
            i++;
        }
    }

    private CallTarget TargetOf(CallTerm c) => c.Target ??= CallTarget.Resolve(c, _policy.Root);

    private RegoValue? CallDirect(CallTerm c, RegoValue?[] f)
    {
        var target = TargetOf(c);
        if (target.IsEqual && c.Args.Length == 2)
        {
            // `a == b`, the most common test, without an argument array.
            return EvalDirect(c.Args[0], f) is { } x && EvalDirect(c.Args[1], f) is { } y ? RegoBoolean.Of(x.Equals(y)) : null;
        }
        var args = new RegoValue[c.Args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (EvalDirect(c.Args[i], f) is not { } a)
            {
                return null;
            }
            args[i] = a;
        }
        return InvokeDirect(target, args, c);
    }

    /// <summary>Calls a resolved function or builtin; a builtin's error makes the call undefined unless errors are strict.</summary>
    internal RegoValue? InvokeDirect(CallTarget target, RegoValue[] args, CallTerm c)
    {
        if (target.Function is { } node)
        {
            return CallFunction(node, args, c);
        }
        try
        {
            return target.Builtin!.Function!(args, _builtins);
        }
        catch (BuiltinException e)
        {
            if (_limits.StrictBuiltinErrors || e.AlwaysRaise)
            {
                throw new RegoException(e.Code, e.Message, c.Location);
            }
            return null;
        }
    }
}
