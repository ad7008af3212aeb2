using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// A term compiled, on first use, to a tree of small evaluators for the direct path (see
/// <c>Evaluator.Direct.cs</c>): references, locals, constants, calls and arrays with every name
/// and rule resolved once, instead of re-examining the syntax tree on each evaluation. Only
/// terms whose direct evaluation does not depend on <c>with</c> replacements of data are
/// compiled that way for good; those that do fall back to the interpreter at run time.
/// </summary>
internal abstract class DirectTerm
{
    /// <summary>Marks a term that has no compiled form; the interpreter evaluates it.</summary>
    public static readonly DirectTerm None = new Constant(null!, RegoNull.Instance);

    protected DirectTerm(CompiledPolicy policy) => Policy = policy;

    /// <summary>The policy the names were resolved against.</summary>
    public CompiledPolicy Policy { get; }

    /// <summary>Local slots the term reads: it is direct when all are bound.</summary>
    public int[] Slots { get; set; } = [];

    /// <summary>The term calls a function, so a <c>with</c> mock makes it indirect.</summary>
    public bool HasCalls { get; set; }

    /// <summary>
    /// The term may raise an error that depends on the bindings: it calls a user function or a
    /// builtin other than the total comparisons. (Errors that do not depend on the bindings, such
    /// as a conflict in a rule it reads, are raised whenever the term is reached.)
    /// </summary>
    public bool CanFail { get; set; }

    /// <summary>The term reads a rule's value (whose evaluation may fail, or be in progress).</summary>
    public bool ReadsRules { get; set; }

    /// <summary>The term's single value with the current bindings; null when undefined.</summary>
    public abstract RegoValue? Eval(Evaluator ev, RegoValue?[] f);

    /// <summary>Whether the interpreter's direct path would accept the term now.</summary>
    public bool IsDirect(Evaluator ev, RegoValue?[] f)
    {
        if (HasCalls && ev.HasMocks)
        {
            return false;
        }
        foreach (var slot in Slots)
        {
            if (f[slot] is null)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Looks up each operand's value in turn, as the interpreter's dereference does.</summary>
    protected static RegoValue? Deref(RegoValue? v, DirectTerm[] ops, Evaluator ev, RegoValue?[] f)
    {
        for (var i = 0; i < ops.Length && v is not null; i++)
        {
            if (ops[i].Eval(ev, f) is not { } key)
            {
                return null;
            }
            v = Evaluator.Lookup(v, key);
        }
        return v;
    }

    /// <summary>Every term's value, or null when one is undefined.</summary>
    protected static RegoValue[]? EvalAll(DirectTerm[] terms, Evaluator ev, RegoValue?[] f)
    {
        var values = new RegoValue[terms.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (terms[i].Eval(ev, f) is not { } v)
            {
                return null;
            }
            values[i] = v;
        }
        return values;
    }

    public sealed class Constant(CompiledPolicy policy, RegoValue? value) : DirectTerm(policy)
    {
        public RegoValue? Value { get; } = value;

        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) => Value;
    }

    public sealed class Local(CompiledPolicy policy, int slot) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) => f[slot];
    }

    public sealed class Input(CompiledPolicy policy) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) => ev.Input;
    }

    /// <summary>
    /// A path of constant keys into the input (<c>input.user</c>, <c>input.resource.owner</c>): read
    /// once per input and evaluation, however often a loop reaches it (see <c>Evaluator.InputPaths.cs</c>).
    /// </summary>
    public sealed class InputPath(CompiledPolicy policy, RegoValue[] keys, int index) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) => ev.InputPathValue(index, keys);
    }

    /// <summary>A head value followed by operands: <c>grant.action</c>, <c>x[i]</c>, <c>input[x]</c>.</summary>
    public sealed class Path(CompiledPolicy policy, DirectTerm head, DirectTerm[] ops) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) => Deref(head.Eval(ev, f), ops, ev, f);
    }

    /// <summary>
    /// A value under <c>data</c> reached by constant names: a rule's value (then operands), or base
    /// data outside every rule's path, resolved at compile time. Under a <c>with</c> that replaces
    /// data the interpreter walks the reference instead.
    /// </summary>
    public sealed class Data(CompiledPolicy policy, RuleNode? rule, RegoValue? baseValue, DirectTerm[] ops, Ast.Term original) : DirectTerm(policy)
    {
        /// <summary>The rule whose value the reference reads, if any.</summary>
        public RuleNode? Rule => rule;

        /// <summary>How many operands follow the rule or base value.</summary>
        public int OperandCount => ops.Length;

        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f)
        {
            if (ev.HasDataOverrides)
            {
                return ev.EvalDirectInterpreted(original, f);
            }
            var v = rule is null ? baseValue : ev.RuleValueOf(rule);
            return Deref(v, ops, ev, f);
        }
    }

    /// <summary><c>a == b</c> without an argument array.</summary>
    public sealed class Equal(CompiledPolicy policy, DirectTerm left, DirectTerm right) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) =>
            left.Eval(ev, f) is { } x && right.Eval(ev, f) is { } y ? RegoBoolean.Of(x.Equals(y)) : null;
    }

    /// <summary><c>x in coll</c> (<c>internal.member_2</c>) without an argument array.</summary>
    public sealed class Member(CompiledPolicy policy, DirectTerm item, DirectTerm collection) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) =>
            item.Eval(ev, f) is { } x && collection.Eval(ev, f) is { } c ? RegoBoolean.Of(Builtins.ComparisonBuiltins.Member(x, c)) : null;
    }

    /// <summary>A builtin or user function call; arguments undefined make the call undefined.</summary>
    public sealed class Call(CompiledPolicy policy, CallTarget target, DirectTerm[] args, Ast.CallTerm original) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) =>
            EvalAll(args, ev, f) is { } values ? ev.InvokeDirect(target, values, original) : null;
    }

    public sealed class Array(CompiledPolicy policy, DirectTerm[] items) : DirectTerm(policy)
    {
        public override RegoValue? Eval(Evaluator ev, RegoValue?[] f) =>
            EvalAll(items, ev, f) is { } values ? new RegoArray(values) : null;
    }
}
