using DataSpace.Rego.Ast;
using DataSpace.Rego.Builtins;
using DataSpace.Rego.Syntax;

namespace DataSpace.Rego.Compilation;

/// <summary>
/// Compiles modules in four steps: (1) parse every module, collecting all syntax errors;
/// (2) index rules by path into the <see cref="RuleNode"/> tree; (3) resolve variables and calls;
/// (4) reorder bodies for safety.
/// </summary>
internal static class Compiler
{
    public static CompiledPolicy Compile(IEnumerable<RegoModule> sources, RegoValue data)
    {
        // Step 1: parse.
        var diagnostics = new List<Diagnostic>();
        var modules = new List<Module>();
        var strings = new StringInterner();
        foreach (var source in sources)
        {
            var module = new Parser(source.Source, source.Name, source.Version, diagnostics, strings).ParseModule();
            if (module is not null)
            {
                modules.Add(module);
            }
        }
        if (diagnostics.Count > 0)
        {
            throw new RegoCompileException(diagnostics);
        }

        // Step 2: index rules.
        var root = new RuleNode([]);
        var ruleNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            var pkgNode = root;
            foreach (var p in m.Package)
            {
                pkgNode = pkgNode.GetOrAdd(p);
            }
            var names = ruleNames.TryGetValue(string.Join('.', m.Package), out var n) ? n : ruleNames[string.Join('.', m.Package)] = new(StringComparer.Ordinal);
            foreach (var rule in m.Rules)
            {
                names.Add(rule.Head.Name[0]);
                var node = pkgNode;
                foreach (var p in rule.Head.Name)
                {
                    node = node.GetOrAdd(p);
                }
                for (var r = rule; r is not null; r = r.Else)
                {
                    r.Module = m;
                }
                Index(node, rule, diagnostics);
            }
        }

        // Steps 3 and 4: resolve and reorder.
        var reorderer = new SafetyReorderer(c => ArityOf(c, root));
        foreach (var m in modules)
        {
            var scope = new ModuleScope(
                m.Package,
                m.Imports.Where(i => i.Path[0] is "data" or "input" && !(i.Path.Length == 1 && i.Alias is null)).ToDictionary(i => i.Name, StringComparer.Ordinal),
                ruleNames[string.Join('.', m.Package)]);
            foreach (var rule in m.Rules)
            {
                for (var r = rule; r is not null; r = r.Else)
                {
                    var resolver = new Resolver(scope, root);
                    resolver.ResolveRule(r);
                    SetArities(r, root);
                    reorderer.Reorder(r.Body, new HashSet<int>(r.Body.Closure));
                }
            }
        }
        if (diagnostics.Count > 0)
        {
            throw new RegoCompileException(diagnostics);
        }
        var interned = strings.InternValue(data);
        strings.Freeze();
        return new CompiledPolicy(modules, root, interned, strings);
    }

    /// <summary>Compiles an ad-hoc query against a policy; returns the body and its frame size and variable names.</summary>
    public static (Body Body, List<string> Slots) CompileQuery(string query, CompiledPolicy policy)
    {
        var diagnostics = new List<Diagnostic>();
        var body = new Parser(query, "query", RegoVersion.V1, diagnostics, policy.Strings).ParseQuery();
        if (body is null)
        {
            throw new RegoCompileException(diagnostics);
        }
        var resolver = new Resolver(ModuleScope.Query, policy.Root);
        resolver.ResolveQuery(body);
        SetAritiesInBody(body, policy.Root);
        new SafetyReorderer(c => ArityOf(c, policy.Root)).Reorder(body, []);
        return (body, resolver.SlotNames);
    }

    private static void Index(RuleNode node, Rule rule, List<Diagnostic> diagnostics)
    {
        if (rule.IsDefault)
        {
            if (node.Default is not null)
            {
                diagnostics.Add(new Diagnostic("rego_type_error", $"multiple default rules {node.DottedPath} found", rule.Location));
            }
            node.Default = rule;
            return;
        }
        switch (rule.Head.Kind)
        {
            case RuleKind.Complete:
                node.Complete.Add(rule);
                break;
            case RuleKind.PartialSet when rule.Head.DynamicPath.Length > 0:
                node.Objects.Add(rule);
                break;
            case RuleKind.PartialSet:
                node.Sets.Add(rule);
                break;
            case RuleKind.PartialObject:
                node.Objects.Add(rule);
                break;
            case RuleKind.Function:
                node.Functions.Add(rule);
                break;
        }
    }

    private static int ArityOf(CallTerm c, RuleNode root) => c.Arity;

    private static void SetArities(Rule r, RuleNode root)
    {
        SetAritiesInBody(r.Body, root);
        foreach (var t in new[] { r.Head.Value, r.Head.Member }.Concat(r.Head.DynamicPath))
        {
            if (t is not null)
            {
                TermWalker.Visit(t, c => SetArity(c, root));
            }
        }
    }

    private static void SetAritiesInBody(Body body, RuleNode root) => TermWalker.VisitBody(body, c => SetArity(c, root));

    private static void SetArity(CallTerm c, RuleNode root)
    {
        if (c.FunctionPath is { } path && root.Find(path) is { IsFunction: true } fn)
        {
            c.Arity = (fn.Functions.FirstOrDefault() ?? fn.Default)!.Head.Args!.Length;
        }
        else if (BuiltinRegistry.TryGet(c.ResolvedName, out var b))
        {
            c.Arity = b.Arity;
        }
    }
}
