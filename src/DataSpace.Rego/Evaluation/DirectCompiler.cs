using DataSpace.Rego.Ast;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Compiles a term to a <see cref="DirectTerm"/>: the subset the direct path evaluates most
/// (constants, variables, references into input, locals and data, calls, arrays). Anything else,
/// and any reference whose meaning the interpreter decides only at run time (full documents under
/// a package, base data keyed by numbers), gives <see cref="DirectTerm.None"/>.
/// </summary>
internal sealed class DirectCompiler
{
    private readonly CompiledPolicy _policy;
    private readonly SortedSet<int> _slots = [];
    private bool _calls;
    private bool _canFail;
    private bool _readsRules;

    // Builtins that answer for any arguments: comparisons and membership under OPA's total order.
    private static readonly HashSet<string> TotalBuiltins = new(StringComparer.Ordinal)
    {
        "equal", "neq", "lt", "lte", "gt", "gte", "internal.member_2", "internal.member_3",
    };

    private DirectCompiler(CompiledPolicy policy) => _policy = policy;

    public static DirectTerm Compile(Term t, CompiledPolicy policy)
    {
        var compiler = new DirectCompiler(policy);
        if (compiler.Visit(t) is not { } compiled)
        {
            return DirectTerm.None;
        }
        compiled.Slots = [.. compiler._slots];
        compiled.HasCalls = compiler._calls;
        compiled.CanFail = compiler._canFail;
        compiled.ReadsRules = compiler._readsRules;
        return compiled;
    }

    private DirectTerm? Visit(Term t)
    {
        switch (t)
        {
            case ScalarTerm s:
                return new DirectTerm.Constant(_policy, s.Value);
            case VarTerm { Kind: VarKind.Local } v:
                _slots.Add(v.Slot);
                return new DirectTerm.Local(_policy, v.Slot);
            case VarTerm { Kind: VarKind.Input }:
                return new DirectTerm.Input(_policy);
            case VarTerm { Kind: VarKind.Global, GlobalIsInput: true } g:
                return Path(new DirectTerm.Input(_policy), g.GlobalTerms);
            case VarTerm { Kind: VarKind.Global } g:
                return Data(g.GlobalTerms, t);
            case RefTerm { Head: VarTerm { Kind: VarKind.Data } } r:
                return Data(r.Path, t);
            case RefTerm { Head: VarTerm { Kind: VarKind.Global, GlobalIsInput: true } g } r:
                return Path(new DirectTerm.Input(_policy), [.. g.GlobalTerms, .. r.Path]);
            case RefTerm { Head: VarTerm { Kind: VarKind.Global } g } r:
                return Data([.. g.GlobalTerms, .. r.Path], t);
            case RefTerm r:
                return Visit(r.Head) is { } head ? Path(head, r.Path) : null;
            case CallTerm c:
                return Call(c);
            case ArrayTerm a:
                return All(a.Items) is { } items ? new DirectTerm.Array(_policy, items) : null;
            default:
                return null;
        }
    }

    private DirectTerm? Path(DirectTerm head, Term[] ops)
    {
        if (All(ops) is not { } compiled)
        {
            return null;
        }
        if (head is DirectTerm.Input && compiled.Length > 0 && System.Array.TrueForAll(compiled, op => op is DirectTerm.Constant { Value: not null }))
        {
            var keys = System.Array.ConvertAll(compiled, op => ((DirectTerm.Constant)op).Value!);
            return new DirectTerm.InputPath(_policy, keys, _policy.NextInputPathIndex());
        }
        return new DirectTerm.Path(_policy, head, compiled);
    }

    private DirectTerm[]? All(Term[] terms)
    {
        var compiled = new DirectTerm[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            if (Visit(terms[i]) is not { } c)
            {
                return null;
            }
            compiled[i] = c;
        }
        return compiled;
    }

    /// <summary>
    /// A reference under <c>data</c>: to a rule by constant names (as <see cref="RulePrefix"/> finds
    /// it), or into base data by constant names that leave the rule tree (resolved now, the data
    /// being fixed for the policy). Mirrors the interpreter's walk without <c>with</c> replacements.
    /// </summary>
    private DirectTerm? Data(Term[] ops, Term original)
    {
        if (RulePrefix.Find(_policy.Root, ops) is { Node: { } leaf } prefix)
        {
            _readsRules = true;
            return All(ops[prefix.Depth..]) is { } rest ? new DirectTerm.Data(_policy, leaf, null, rest, original) : null;
        }
        RuleNode? node = _policy.Root;
        var baseValue = _policy.Data;
        var i = 0;
        for (; i < ops.Length && node is not null; i++)
        {
            if (node.IsLeaf || node.IsFunction || node.Objects.Count > 0 || ops[i] is not ScalarTerm { Value: RegoString name })
            {
                return null;
            }
            node = node.Children.GetValueOrDefault(name.Value);
            baseValue = baseValue is RegoObject o && o.TryGetValue(name, out var child) ? child : null;
        }
        // Still inside the rule tree: the value is a whole document merged from rules. A number
        // right after leaving it reads a string key of the store: both are the interpreter's.
        if (node is not null || (i < ops.Length && ops[i] is ScalarTerm { Value: RegoNumber }))
        {
            return null;
        }
        return All(ops[i..]) is { } remaining ? new DirectTerm.Data(_policy, null, baseValue, remaining, original) : null;
    }

    private DirectTerm? Call(CallTerm c)
    {
        if (c.Arity >= 0 && c.Args.Length == c.Arity + 1)
        {
            return null;
        }
        var target = c.Target ??= CallTarget.Resolve(c, _policy.Root);
        if (target.Function is null && target.Builtin is not { Function: not null, Relation: null })
        {
            return null;
        }
        if (All(c.Args) is not { } args)
        {
            return null;
        }
        _calls = true;
        _canFail |= target.Builtin is not { } builtin || !TotalBuiltins.Contains(builtin.Name);
        return (target.Builtin?.Name, args.Length) switch
        {
            ("equal", 2) => new DirectTerm.Equal(_policy, args[0], args[1]),
            ("internal.member_2", 2) => new DirectTerm.Member(_policy, args[0], args[1]),
            _ => new DirectTerm.Call(_policy, target, args, c),
        };
    }
}
