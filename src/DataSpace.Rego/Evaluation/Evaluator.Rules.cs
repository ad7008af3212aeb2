using DataSpace.Rego.Ast;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Rule evaluation: complete rules (with <c>else</c> and <c>default</c>), partial sets, ref-head
/// objects and functions. Values are cached per <c>with</c> scope; conflicting values raise
/// OPA's <c>eval_conflict_error</c>.
/// </summary>
internal sealed partial class Evaluator
{
    private static readonly ScalarTerm TrueTerm = new(RegoBoolean.True, new SourceLocation("", 0, 0));

    /// <summary>Stands in the rule cache while a rule is being evaluated, so recursion is detected without a second collection.</summary>
    private static readonly RegoValue InProgressMarker = new RegoString("<in progress>");

    internal RegoValue? RuleValueOf(RuleNode node) => RuleValue(node);

    private RegoValue? RuleValue(RuleNode node)
    {
        var cache = State.RuleCache;
        if (cache.TryGetValue(node, out var cached))
        {
            return ReferenceEquals(cached, InProgressMarker)
                ? throw new RegoException(ErrorCodes.Recursion, $"rule {node.DottedPath} is recursive", (node.Complete.Concat(node.Sets).FirstOrDefault())?.Location)
                : cached;
        }
        cache.Set(node, InProgressMarker);
        RegoValue? value;
        try
        {
            value = node.Sets.Count > 0 ? PartialSetValue(node) : CompleteValue(node);
        }
        catch
        {
            cache.Remove(node);
            throw;
        }
        cache.Set(node, value);
        return value;
    }

    private RegoValue? CompleteValue(RuleNode node)
    {
        RegoValue? result = null;
        foreach (var rule in node.Complete)
        {
            var v = EvalRuleChain(rule, null);
            if (v is null)
            {
                continue;
            }
            if (result is not null && !result.Equals(v))
            {
                throw new RegoException(ErrorCodes.Conflict, ErrorCodes.CompleteConflict, rule.Location);
            }
            result = v;
        }
        if (result is null && node.Default is { } d)
        {
            result = EvalRuleChain(d, null);
        }
        return result;
    }

    /// <summary>Evaluates a rule and its <c>else</c> chain; for functions, <paramref name="args"/> are matched first.</summary>
    private RegoValue? EvalRuleChain(Rule rule, RegoValue[]? args)
    {
        for (var r = rule; r is not null; r = r.Else)
        {
            var value = r.Head.Value is null or ScalarTerm && args is null && Fired is null
                ? (BodyHolds(r) ? (r.Head.Value as ScalarTerm ?? TrueTerm).Value : null)
                : EvalRule(r, args);
            if (value is not null)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>One rule of a chain: its value, or null when its body has no solution.</summary>
    /// <remarks>
    /// The rule being evaluated is kept in fields that one delegate per evaluator reads (as the
    /// members' sink of <see cref="PartialSetValue"/> is): a closure per rule evaluation was most of
    /// what a decision allocated. They are saved and restored around the rule, because its body may
    /// evaluate other rules; its continuation only ever runs with its own values in place.
    /// </remarks>
    private RegoValue? EvalRule(Rule r, RegoValue[]? args)
    {
        var frame = _frames.Rent(r.SlotCount);
        var saved = (_headRule, _headFrame, _headTerm, _headValue, _headOfFunction);
        (_headRule, _headFrame, _headTerm, _headValue, _headOfFunction) = (r, frame, r.Head.Value ?? TrueTerm, null, args is not null);
        Enter(r);
        try
        {
            var body = _evalHeadBody ??= EvalHeadBody;
            if (args is null || BindPlainArgs(r.Head.Args!, args, frame))
            {
                body();
            }
            else
            {
                MatchArgs(r.Head.Args!, args, 0, frame, body);
            }
            return _headValue;
        }
        finally
        {
            Leave();
            (_headRule, _headFrame, _headTerm, _headValue, _headOfFunction) = saved;
            _frames.Return(frame);
        }
    }

    private Rule? _headRule;
    private RegoValue?[]? _headFrame;
    private Term? _headTerm;
    private RegoValue? _headValue;
    private bool _headOfFunction;
    private Func<bool>? _evalHeadBody;
    private Func<bool>? _evalHeadTerm;
    private Func<RegoValue, bool>? _takeHeadValue;

    private bool EvalHeadBody() => EvalBody(_headRule!.Body, 0, _headFrame!, _evalHeadTerm ??= EvalHeadTerm);

    /// <summary>The head's value for one solution of the body: evaluated directly when it can be (as a set member is), else by unification.</summary>
    private bool EvalHeadTerm()
    {
        var (term, frame) = (_headTerm!, _headFrame!);
        if (!IsDirect(term, frame))
        {
            return EvalTerm(term, frame, _takeHeadValue ??= TakeHeadValue);
        }
        // An undefined value is no solution: the search goes on.
        return EvalDirect(term, frame) is not { } value || TakeHeadValue(value);
    }

    private bool TakeHeadValue(RegoValue v)
    {
        if (_headValue is not null && !_headValue.Equals(v))
        {
            throw new RegoException(ErrorCodes.Conflict, _headOfFunction ? ErrorCodes.FunctionConflict : ErrorCodes.CompleteConflict, _headRule!.Location);
        }
        _headValue = v;
        Fired?.Add(_headRule!);
        // A constant value is the same for every further solution: the first one is enough.
        return _headTerm is not ScalarTerm;
    }

    /// <summary>
    /// Binds a function's arguments when every parameter is a distinct local variable, the common
    /// case (<c>f(x, y)</c>), without a continuation per parameter; otherwise binds none and says so,
    /// for <see cref="MatchArgs"/> to unify. The fresh frame is cleared when it is returned.
    /// </summary>
    private static bool BindPlainArgs(Term[] patterns, RegoValue[] args, RegoValue?[] frame)
    {
        for (var i = 0; i < patterns.Length; i++)
        {
            if (patterns[i] is not VarTerm { Kind: VarKind.Local } v || frame[v.Slot] is not null)
            {
                Array.Clear(frame);
                return false;
            }
            ValueSlots.Store(frame, v.Slot, args[i]);
        }
        return true;
    }

    /// <summary>Whether a rule body has at least one solution; stops at the first.</summary>
    private bool BodyHolds(Rule r)
    {
        var frame = _frames.Rent(r.SlotCount);
        // The flag is saved and restored around the search because rules evaluated inside the body
        // use it too; the shared delegate saves a closure per rule evaluation.
        var outer = _holds;
        _holds = false;
        Enter(r);
        try
        {
            EvalBody(r.Body, 0, frame, _setHolds ??= () =>
            {
                _holds = true;
                return false;
            });
            return _holds;
        }
        finally
        {
            Leave();
            _holds = outer;
            _frames.Return(frame);
        }
    }

    private bool MatchArgs(Term[] patterns, RegoValue[] args, int i, RegoValue?[] f, Func<bool> k) =>
        i == patterns.Length ? k() : Match(patterns[i], args[i], f, () => MatchArgs(patterns, args, i + 1, f, k));

    private RegoSet PartialSetValue(RuleNode node)
    {
        // The members' sink is one delegate per evaluator reading the fields below; they are saved
        // and restored because a member's body may evaluate another partial set.
        var saved = (_members, _member, _memberFrame, _memberRule);
        var members = _spareMembers ?? new SetAccumulator();
        _spareMembers = null;
        _members = members;
        try
        {
            foreach (var rule in node.Sets)
            {
                var frame = _frames.Rent(rule.SlotCount);
                (_member, _memberFrame, _memberRule) = (rule.Head.Member!, frame, rule);
                Enter(rule);
                try
                {
                    EvalBody(rule.Body, 0, frame, _addMember ??= AddMember);
                }
                finally
                {
                    Leave();
                    _frames.Return(frame);
                }
            }
            return members.Build();
        }
        finally
        {
            (_members, _member, _memberFrame, _memberRule) = saved;
            members.Clear();
            _spareMembers = members;
        }
    }

    private SetAccumulator? _members;
    private SetAccumulator? _spareMembers;
    private Term? _member;
    private RegoValue?[]? _memberFrame;
    private Rule? _memberRule;
    private Func<bool>? _addMember;

    private bool AddMember()
    {
        var (members, member, frame, rule) = (_members!, _member!, _memberFrame!, _memberRule!);
        if (!IsDirect(member, frame))
        {
            return AddMemberValues(members, member, frame, rule);
        }
        if (EvalDirect(member, frame) is { } m)
        {
            members.Add(m);
            Fired?.Add(rule);
        }
        return true;
    }

    private bool AddMemberValues(SetAccumulator members, Term member, RegoValue?[] frame, Rule rule) =>
        EvalTerm(member, frame, v =>
        {
            members.Add(v);
            Fired?.Add(rule);
            return true;
        });

    /// <summary>Adds the entries of ref-head rules (<c>p[k] := v</c>, <c>p[a].b[c] := v</c>) rooted at a node.</summary>
    private void AddObjectRules(RuleNode node, ObjectBuilder builder)
    {
        foreach (var rule in node.Objects)
        {
            var frame = new RegoValue?[rule.SlotCount];
            var keys = new RegoValue[rule.Head.DynamicPath.Length];
            Enter(rule);
            try
            {
                var isSet = rule.Head.Kind == RuleKind.PartialSet;
                EvalBody(rule.Body, 0, frame, () => EvalItems(rule.Head.DynamicPath, 0, keys, frame, ks =>
                    EvalTerm((isSet ? rule.Head.Member : rule.Head.Value) ?? TrueTerm, frame, v =>
                    {
                        if (!(isSet ? builder.TryAddMember(ks, v) : builder.TryInsert(ks, v)))
                        {
                            throw new RegoException(ErrorCodes.Conflict, ErrorCodes.ObjectConflict, rule.Location);
                        }
                        Fired?.Add(rule);
                        return true;
                    })));
            }
            finally
            {
                Leave();
            }
        }
    }

    /// <summary>Calls a user function: every definition is tried; different results are a conflict.</summary>
    private RegoValue? CallFunction(RuleNode node, RegoValue[] args, Node at)
    {
        var key = (node, new RegoArray(args));
        if (State.FunctionCache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        RegoValue? result = null;
        foreach (var rule in node.Functions)
        {
            if (rule.Head.Args!.Length != args.Length)
            {
                continue;
            }
            var v = EvalRuleChain(rule, args);
            if (v is null)
            {
                continue;
            }
            if (result is not null && !result.Equals(v))
            {
                throw new RegoException(ErrorCodes.Conflict, ErrorCodes.FunctionConflict, rule.Location);
            }
            result = v;
        }
        if (result is null && node.Default is { } d)
        {
            result = EvalRuleChain(d, d.Head.Args is null ? null : args);
        }
        State.FunctionCache[key] = result;
        return result;
    }
}
