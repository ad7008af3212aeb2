using System.Text.RegularExpressions;
using DataSpace.Rego;
using DataSpace.Testing;

namespace DataSpace.Policy.Tests.Pack;

/// <summary>The repository's policy pack (<c>policies/</c>), loaded once as a bundle into the embedded engine.</summary>
internal static partial class PolicyPack
{
    private static readonly Lazy<EmbeddedPolicyEngine> LazyEngine = new(() => EmbeddedPolicyEngine.Create(PolicyBundle.Load(Directory)));

    public static string Directory => Path.Combine(RepositoryPaths.RepositoryRoot, "policies");

    public static EmbeddedPolicyEngine Engine => LazyEngine.Value;

    /// <summary>Every <c>test_*</c> rule in a <c>*_test.rego</c> file, as <c>opa test</c> and <c>dataspace policy test</c> find them.</summary>
    public static IReadOnlyList<RuleInfo> Tests => Engine.Rego.Rules
        .Where(r => r.Name.StartsWith("test_", StringComparison.Ordinal) && r.Kind != "function"
                    && r.Location.File.EndsWith("_test.rego", StringComparison.Ordinal))
        .DistinctBy(r => r.Path)
        .ToList();

    /// <summary>The text of every <c>.rego</c> file of the pack, relative path → source.</summary>
    public static IReadOnlyDictionary<string, string> Sources =>
        System.IO.Directory.EnumerateFiles(Directory, "*.rego", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(Directory, p).Replace('\\', '/'), File.ReadAllText);

    /// <summary>
    /// The built-in functions the pack calls: every <c>name(</c> or <c>a.b.name(</c> outside strings and comments,
    /// less the functions the pack defines itself (called bare or through an import alias).
    /// </summary>
    public static IReadOnlySet<string> BuiltinsCalled()
    {
        var code = Sources.Values.Select(StripStringsAndComments).ToList();
        var defined = code.SelectMany(c => FunctionHead().Matches(c).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var aliases = code.SelectMany(c => Import().Matches(c).Select(m =>
                m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value[(m.Groups[1].Value.LastIndexOf('.') + 1)..]))
            .ToHashSet(StringComparer.Ordinal);
        var builtins = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in code.SelectMany(c => Call().Matches(c).Select(m => m.Groups[1].Value)))
        {
            var dot = name.LastIndexOf('.');
            var last = name[(dot + 1)..];
            var prefix = dot < 0 ? "" : name[..dot];
            if (defined.Contains(last) && (prefix.Length == 0 || aliases.Contains(prefix)))
            {
                continue;
            }
            builtins.Add(name);
        }
        return builtins;
    }

    /// <summary>Blanks out string literals and comments so that words in reasons are not read as calls.</summary>
    public static string StripStringsAndComments(string source) =>
        StringOrComment().Replace(source, m => m.Value.StartsWith('#') ? "" : "\"\"");

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|#[^\\n]*")]
    private static partial Regex StringOrComment();

    [GeneratedRegex(@"^([a-z_][a-z0-9_]*)\([^)\n]*\)\s*(?::=|if|\{)", RegexOptions.Multiline)]
    private static partial Regex FunctionHead();

    [GeneratedRegex(@"^import\s+data\.([a-z0-9_.]+?)(?:\s+as\s+([a-z0-9_]+))?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Import();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\(")]
    private static partial Regex Call();
}
