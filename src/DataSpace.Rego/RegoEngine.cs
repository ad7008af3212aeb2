using System.Text.Json.Nodes;
using DataSpace.Rego.Compilation;

namespace DataSpace.Rego;

/// <summary>
/// An embedded Rego engine: modules and base data compiled once, then queried many times.
/// Thread-safe after construction.
/// </summary>
/// <example>
/// <code>
/// var engine = RegoEngine.Compile(new Dictionary&lt;string, string&gt; { ["authz.rego"] = source });
/// var allowed = engine.EvaluateRule("data.authz.allow", RegoValue.FromJsonNode(inputJson));
/// </code>
/// </example>
public sealed class RegoEngine
{
    private readonly CompiledPolicy _policy;
    private readonly RuleInfoIndex _rules;

    private RegoEngine(CompiledPolicy policy)
    {
        _policy = policy;
        _rules = new RuleInfoIndex(policy.Modules);
    }

    /// <summary>Compiles modules (file name → source) with optional base data.</summary>
    /// <exception cref="RegoCompileException">Parse or compile errors, all of them.</exception>
    public static RegoEngine Compile(IReadOnlyDictionary<string, string> modules, RegoValue? data = null, RegoVersion version = RegoVersion.V1) =>
        Compile(modules.OrderBy(m => m.Key, StringComparer.Ordinal), data, version);

    /// <summary>Compiles modules in the given order with optional base data.</summary>
    public static RegoEngine Compile(IEnumerable<KeyValuePair<string, string>> modules, RegoValue? data = null, RegoVersion version = RegoVersion.V1) =>
        Compile(modules.Select(m => new RegoModule(m.Key, m.Value, version)), data);

    /// <summary>
    /// Compiles modules in the given order, each parsed in its own <see cref="RegoModule.Version"/>
    /// (as OPA does for a bundle whose manifest lists <c>file_rego_versions</c>).
    /// </summary>
    /// <exception cref="RegoCompileException">Parse or compile errors, all of them.</exception>
    public static RegoEngine Compile(IEnumerable<RegoModule> modules, RegoValue? data = null) =>
        new(Compiler.Compile(modules, data ?? RegoObject.Empty));

    /// <summary>Compiles modules, each in its own version, with base data given as JSON.</summary>
    public static RegoEngine Compile(IEnumerable<RegoModule> modules, JsonNode? data) =>
        Compile(modules, data is null ? null : RegoValue.FromJsonNode(data));

    /// <summary>Compiles with base data given as JSON.</summary>
    public static RegoEngine Compile(IReadOnlyDictionary<string, string> modules, JsonNode? data, RegoVersion version = RegoVersion.V1) =>
        Compile(modules, data is null ? null : RegoValue.FromJsonNode(data), version);

    /// <summary>Every rule, in source order, for listing per package (e.g. <c>policy test</c> finds <c>test_*</c> rules).</summary>
    public IReadOnlyList<RuleInfo> Rules => _rules.All;

    /// <summary>Package paths (without <c>data.</c>), sorted.</summary>
    public IReadOnlyList<string> Packages =>
        _policy.Modules.Select(m => string.Join('.', m.Package)).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Compiles a query such as <c>data.authz.allow = x</c> for repeated evaluation.</summary>
    public PreparedQuery Prepare(string query)
    {
        var (body, slots) = Compiler.CompileQuery(query, _policy);
        return new PreparedQuery(_policy, body, slots, _rules) { Text = query };
    }

    /// <summary>Compiles and evaluates a query once.</summary>
    public RegoQueryResult Evaluate(string query, RegoValue? input = null, RegoEvaluationOptions? options = null) =>
        Prepare(query).Evaluate(input, options);

    /// <summary>
    /// The value of a document such as <c>data.authz.allow</c> (or <c>authz/allow</c>); null when undefined.
    /// </summary>
    public RegoValue? EvaluateRule(string path, RegoValue? input = null, RegoEvaluationOptions? options = null)
    {
        var result = Evaluate(ToQuery(path) + " = result", input, options);
        return result.IsUndefined ? null : result.Solutions[0]["result"];
    }

    private static string ToQuery(string path)
    {
        if (path.StartsWith("data", StringComparison.Ordinal))
        {
            return path;
        }
        return "data." + path.Trim('/').Replace('/', '.');
    }
}
