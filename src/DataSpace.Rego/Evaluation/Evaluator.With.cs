using DataSpace.Rego.Ast;
using DataSpace.Rego.Builtins;

namespace DataSpace.Rego.Evaluation;

/// <summary><c>with</c> targets: <c>input…</c>, <c>data…</c> (base or virtual documents), user functions and builtins.</summary>
internal sealed partial class Evaluator
{
    /// <summary>The dotted path a with target or value names, if it is a static name.</summary>
    private static (string Root, string[] Path)? StaticName(Term t)
    {
        static string? RootOf(VarTerm v) => v.Kind switch
        {
            VarKind.Input => "input",
            VarKind.Data => "data",
            VarKind.Global => v.GlobalIsInput ? "input" : "data",
            VarKind.Unresolved => "builtin",
            _ => null,
        };

        static string[] Prefix(VarTerm v) => v.Kind switch
        {
            VarKind.Global => v.GlobalPath!,
            VarKind.Unresolved => [v.Name],
            _ => [],
        };

        switch (t)
        {
            case VarTerm v when RootOf(v) is { } root:
                return (root, Prefix(v));
            case RefTerm { Head: VarTerm h } r when RootOf(h) is { } root && r.Path.All(p => p is ScalarTerm { Value: RegoString }):
                return (root, [.. Prefix(h), .. r.Path.Select(p => ((RegoString)((ScalarTerm)p).Value).Value)]);
            default:
                return null;
        }
    }

    /// <summary>Names a function (user or builtin) if the term refers to one.</summary>
    private FunctionMock? FunctionReference(Term t, RegoValue? constant)
    {
        if (StaticName(t) is not { } name)
        {
            return null;
        }
        if (name.Root == "data" && _policy.Root.Find(name.Path) is { IsFunction: true })
        {
            return new FunctionMock(constant, name.Path, null);
        }
        if (name.Root == "builtin" && BuiltinRegistry.TryGet(string.Join('.', name.Path), out _))
        {
            return new FunctionMock(constant, null, string.Join('.', name.Path));
        }
        return null;
    }

    /// <summary>For a target naming a function: the replacement (function reference or constant).</summary>
    private FunctionMock? WithFunctionMock(WithModifier mod)
    {
        if (FunctionReference(mod.Target, null) is null)
        {
            return null;
        }
        return FunctionReference(mod.Value, null) ?? new FunctionMock(null, null, null);
    }

    private EvalState BuildWithState(WithModifier[] mods, RegoValue?[] values, FunctionMock?[] mocks, RegoValue?[] f, EvalState outer)
    {
        var input = outer.Input;
        var data = outer.Data?.Clone();
        var fnMocks = outer.Mocks is null ? null : new Dictionary<string, FunctionMock>(outer.Mocks, StringComparer.Ordinal);
        for (var i = 0; i < mods.Length; i++)
        {
            var target = mods[i].Target;
            var name = StaticName(target) ?? throw new RegoException("rego_compile_error", "with keyword target must reference existing input, data, or a function", mods[i].Location);
            if (FunctionReference(target, null) is { } fn)
            {
                var key = fn.BuiltinName ?? "data." + string.Join('.', fn.FunctionPath!);
                var mock = mocks[i]!;
                if (mock is { FunctionPath: null, BuiltinName: null })
                {
                    RegoValue? v = null;
                    EvalTerm(mods[i].Value, f, x =>
                    {
                        v = x;
                        return false;
                    });
                    if (v is null)
                    {
                        continue;
                    }
                    mock = mock with { Constant = v };
                }
                fnMocks ??= new Dictionary<string, FunctionMock>(StringComparer.Ordinal);
                fnMocks[key] = mock;
                continue;
            }
            var value = values[i]!;
            switch (name.Root)
            {
                case "input":
                    input = name.Path.Length == 0 ? value : Patch(input, name.Path, 0, value);
                    break;
                case "data":
                    data ??= new OverrideNode();
                    if (name.Path.Length == 0)
                    {
                        data.Value = value;
                    }
                    else
                    {
                        data.Set(name.Path, value);
                    }
                    break;
                default:
                    throw new RegoException("rego_compile_error", "with keyword target must reference existing input, data, or a function", mods[i].Location);
            }
        }
        return new EvalState { Input = input, Data = data, Mocks = fnMocks };
    }

    /// <summary>Replaces the value at a path inside an object, creating objects along the way.</summary>
    private static RegoValue Patch(RegoValue? current, string[] path, int i, RegoValue value)
    {
        if (i == path.Length)
        {
            return value;
        }
        var map = current is RegoObject o ? new Dictionary<RegoValue, RegoValue>(o.Map) : [];
        var key = new RegoString(path[i]);
        map.TryGetValue(key, out var child);
        map[key] = Patch(child, path, i + 1, value);
        return new RegoObject(map);
    }
}
