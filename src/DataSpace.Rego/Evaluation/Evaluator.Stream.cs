using DataSpace.Rego.Ast;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// A search for one solution over a partial set (<c>some grant in user_is_granted</c> in a rule
/// whose value is a constant) that does not depend on order (see <see cref="OrderMatters"/>) needs
/// the set's members, not the set: when neither the set's rules nor the rest of the search can fail
/// or read other rules, each member is passed to the search as its rule produces it, and the
/// search stops at the first solution without building the set. Every member would be found by
/// building the set too, and nothing skipped could have raised an error, so the answer is the same.
/// </summary>
internal sealed partial class Evaluator
{
    // The search a member is passed to, saved and restored around each stream.
    private (SomeInExpr In, Body Body, int Index, RegoValue?[] Frame, Func<bool> K, Term Member, RegoValue?[] MemberFrame)? _stream;
    private Func<bool>? _streamMember;

    /// <summary>The partial set to stream here, or null to iterate the collection's value.</summary>
    private RuleNode? StreamableSet(SomeInExpr s, Body body, int index, Func<bool> k)
    {
        if (CompiledOf(s.Collection) is not DirectTerm.Data { Rule: { } node, OperandCount: 0 } || HasDataOverrides
            || State.RuleCache.TryGetValue(node, out _) || OrderMatters(s, body, index, k))
        {
            return null;
        }
        if (s.RestIsPure == 0)
        {
            s.RestIsPure = CannotFail(body, index + 1, readsRules: false) ? (byte)1 : (byte)2;
        }
        if (node.Streamable == 0)
        {
            node.Streamable = IsStreamable(node) ? (byte)1 : (byte)2;
        }
        return s.RestIsPure == 1 && node.Streamable == 1 ? node : null;
    }

    /// <summary>A partial set and nothing else, whose rules cannot fail or read rules, members included.</summary>
    private bool IsStreamable(RuleNode node)
    {
        if (node.Sets.Count == 0 || node.Complete.Count > 0 || node.Default is not null || node.Objects.Count > 0 || node.Functions.Count > 0)
        {
            return false;
        }
        foreach (var rule in node.Sets)
        {
            if (rule.Else is not null || !CannotFail(rule.Head.Member!, readsRules: false) || !CannotFail(rule.Body, 0, readsRules: false))
            {
                return false;
            }
        }
        return true;
    }

    private bool StreamSet(RuleNode node, SomeInExpr s, Body body, int index, RegoValue?[] f, Func<bool> k)
    {
        Step(s);
        var cache = State.RuleCache;
        // As in RuleValue: a reference back to the set while its rules run is recursion.
        cache.Set(node, InProgressMarker);
        var saved = _stream;
        try
        {
            foreach (var rule in node.Sets)
            {
                var frame = _frames.Rent(rule.SlotCount);
                _stream = (s, body, index, f, k, rule.Head.Member!, frame);
                Enter(rule);
                try
                {
                    if (!EvalBody(rule.Body, 0, frame, _streamMember ??= StreamMember))
                    {
                        return false;
                    }
                }
                finally
                {
                    Leave();
                    _frames.Return(frame);
                }
            }
            return true;
        }
        finally
        {
            cache.Remove(node);
            _stream = saved;
        }
    }

    /// <summary>One member produced: run the search with it; false stops both the search and the set's rules.</summary>
    private bool StreamMember()
    {
        var (s, body, index, f, k, member, frame) = _stream!.Value;
        if (!IsDirect(member, frame))
        {
            return StreamMemberValues(s, body, index, f, k, member, frame);
        }
        return EvalDirect(member, frame) is not { } value || BindAndContinue(s, value, value, body, index, f, k);
    }

    // Apart from StreamMember: a lambda's captured variables are allocated on entry to the method that declares them.
    private bool StreamMemberValues(SomeInExpr s, Body body, int index, RegoValue?[] f, Func<bool> k, Term member, RegoValue?[] frame) =>
        EvalTerm(member, frame, m => BindAndContinue(s, m, m, body, index, f, k));
}
