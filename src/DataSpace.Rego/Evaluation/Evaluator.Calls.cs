using DataSpace.Rego.Ast;
using DataSpace.Rego.Builtins;

namespace DataSpace.Rego.Evaluation;

/// <summary>Calls: user functions, builtins and their <c>with</c> replacements, including the output-argument form <c>count(x, n)</c>.</summary>
internal sealed partial class Evaluator
{
    private static bool HasOutputArg(CallTerm c) => c.Arity >= 0 && c.Args.Length == c.Arity + 1;

    private bool EvalCall(CallTerm c, RegoValue?[] f, Func<RegoValue, bool> k) =>
        EvalItems(c.Args, 0, new RegoValue[c.Args.Length], f, args => Invoke(c, c.ResolvedName, c.FunctionPath, (RegoValue[])args.Clone(), k, useMocks: true));

    private bool EvalCallWithOutput(CallTerm c, RegoValue?[] f, Func<bool> k)
    {
        var inputs = c.Args[..^1];
        var output = c.Args[^1];
        return EvalItems(inputs, 0, new RegoValue[inputs.Length], f, args =>
            Invoke(c, c.ResolvedName, c.FunctionPath, (RegoValue[])args.Clone(), v => Match(output, v, f, k), useMocks: true));
    }

    private bool Invoke(CallTerm at, string name, string[]? functionPath, RegoValue[] args, Func<RegoValue, bool> k, bool useMocks)
    {
        if (useMocks && State.Mocks is { } mocks && mocks.TryGetValue(name, out var mock))
        {
            if (mock.Constant is { } constant)
            {
                return k(constant);
            }
            // The replacement runs with no mocks at all, as in OPA (an empty mock frame is pushed):
            // the replaced function means the original again, and one mock never calls another.
            var outer = State;
            var inner = new EvalState { Input = outer.Input, Data = outer.Data };
            RegoValue? result = null;
            State = inner;
            try
            {
                if (mock.FunctionPath is { } mp)
                {
                    Invoke(at, "data." + string.Join('.', mp), mp, args, v =>
                    {
                        result = v;
                        return false;
                    }, useMocks: true);
                }
                else
                {
                    Invoke(at, mock.BuiltinName!, null, args, v =>
                    {
                        result = v;
                        return false;
                    }, useMocks: true);
                }
            }
            finally
            {
                State = outer;
            }
            return result is null || k(result);
        }
        if (functionPath is not null)
        {
            var node = _policy.Root.Find(functionPath);
            if (node is { IsFunction: true })
            {
                return CallFunction(node, args, at) is not { } result || k(result);
            }
            if (!BuiltinRegistry.TryGet(name, out _))
            {
                throw new RegoException("rego_type_error", $"undefined function {name}", at.Location);
            }
        }
        if (!BuiltinRegistry.TryGet(name, out var builtin))
        {
            throw new RegoException("rego_type_error", $"undefined function {name}", at.Location);
        }
        try
        {
            if (builtin.Relation is { } relation)
            {
                foreach (var v in relation(args, _builtins))
                {
                    if (!k(v))
                    {
                        return false;
                    }
                }
                return true;
            }
            var result = builtin.Function!(args, _builtins);
            return result is null || k(result);
        }
        catch (BuiltinException e)
        {
            if (_limits.StrictBuiltinErrors || e.AlwaysRaise)
            {
                throw new RegoException(e.Code, e.Message, at.Location);
            }
            return true;
        }
    }
}
