using System.Text.Json.Nodes;

namespace DataSpace.Rego.Conformance;

/// <summary>Runs one case the way OPA's topdown test runner does and says why it failed, or null when it passed.</summary>
internal static class ConformanceRunner
{
    public static string? Run(ConformanceCase c)
    {
        try
        {
            return RunCore(c);
        }
        catch (Exception e) when (e is not RegoException)
        {
            return $"crash: {e.GetType().Name}: {e.Message}";
        }
    }

    private static string? RunCore(ConformanceCase c)
    {
        var wantsError = c.WantErrorCode is not null || c.WantError is not null;
        RegoQueryResult result;
        try
        {
            var modules = c.Modules.Select((m, i) => new KeyValuePair<string, string>($"test-{i}.rego", m));
            var engine = RegoEngine.Compile(modules, c.Data is null ? null : RegoValue.FromJsonNode(c.Data));
            RegoValue? input = c.Input is not null ? RegoValue.FromJsonNode(c.Input) : null;
            if (c.InputTerm is not null)
            {
                input = RegoEngine.Compile(new Dictionary<string, string>()).Evaluate("x = " + c.InputTerm).Solutions[0]["x"];
            }
            var options = new RegoEvaluationOptions { StrictBuiltinErrors = c.StrictError, Timeout = TimeSpan.FromSeconds(10) };
            result = engine.Evaluate(c.Query, input, options);
        }
        catch (RegoException e)
        {
            if (!wantsError)
            {
                return $"unexpected error: {e.Message}";
            }
            var codes = e is RegoCompileException ce ? ce.Diagnostics.Select(d => d.Code).ToList() : [e.Code];
            if (c.WantErrorCode is not null && !codes.Contains(c.WantErrorCode))
            {
                return $"want error code {c.WantErrorCode}, got {e.Message}";
            }
            if (c.WantError is not null && !e.Message.Contains(c.WantError, StringComparison.Ordinal))
            {
                return $"want error containing '{c.WantError}', got '{e.Message}'";
            }
            return null;
        }
        if (wantsError)
        {
            return $"want error {c.WantErrorCode} '{c.WantError}', got {result.Solutions.Count} results";
        }
        var want = (c.WantResult ?? []).Select(w => Normalise(RegoValue.FromJsonNode(w), c.SortBindings)).ToList();
        var got = result.Solutions.Select(s => Normalise(ToObject(s), c.SortBindings)).ToList();
        want.Sort();
        got.Sort();
        if (!want.SequenceEqual(got))
        {
            return $"want {Show(want)}, got {Show(got)}";
        }
        return null;
    }

    private static RegoValue ToObject(IReadOnlyDictionary<string, RegoValue> bindings)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in bindings)
        {
            obj[k] = v.ToJsonNode();
        }
        return RegoValue.FromJsonNode(obj);
    }

    /// <summary>With <c>sort_bindings</c>, array values of the bindings compare sorted (sets come back in any order).</summary>
    private static RegoValue Normalise(RegoValue binding, bool sort)
    {
        if (!sort || binding is not RegoObject o)
        {
            return binding;
        }
        var map = new Dictionary<RegoValue, RegoValue>();
        foreach (var (k, v) in o.Entries)
        {
            map[k] = v is RegoArray a ? new RegoArray(a.Items.Order()) : v;
        }
        return new RegoObject(map);
    }

    private static string Show(List<RegoValue> values)
    {
        var s = "[" + string.Join(", ", values) + "]";
        return s.Length > 300 ? s[..300] + "…" : s;
    }
}
