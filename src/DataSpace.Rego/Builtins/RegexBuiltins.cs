using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace DataSpace.Rego.Builtins;

/// <summary><c>regex.*</c> over .NET regular expressions (RE2 syntax is largely a subset); compiled patterns are cached.</summary>
internal static class RegexBuiltins
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    public static void Register(Registrar r)
    {
        r.Add("regex.match", 2, a => RegoBoolean.Of(Compile(Args.String(a, 0, "regex.match"), "regex.match").IsMatch(Args.String(a, 1, "regex.match"))));
        r.Add("re_match", 2, a => RegoBoolean.Of(Compile(Args.String(a, 0, "re_match"), "re_match").IsMatch(Args.String(a, 1, "re_match"))));
        r.Add("regex.is_valid", 1, a => RegoBoolean.Of(a[0] is RegoString s && TryCompile(s.Value) is not null));
        r.Add("regex.find_n", 3, FindN);
        r.Add("regex.find_all_string_submatch_n", 3, FindAllSubmatch);
        r.Add("regex.replace", 3, a => new RegoString(Compile(Args.String(a, 1, "regex.replace"), "regex.replace")
            .Replace(Args.String(a, 0, "regex.replace"), Args.String(a, 2, "regex.replace"))));
        r.Add("regex.split", 2, a => new RegoArray(Compile(Args.String(a, 0, "regex.split"), "regex.split")
            .Split(Args.String(a, 1, "regex.split")).Select(s => (RegoValue)new RegoString(s)).ToArray()));
        r.Add("regex.template_match", 4, TemplateMatch);
    }

    internal static Regex? TryCompile(string pattern) => Cache.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    internal static Regex Compile(string pattern, string fn) =>
        TryCompile(pattern) ?? throw Args.Error(fn, $"error parsing regexp: invalid pattern: `{pattern}`");

    private static RegoValue FindN(RegoValue[] a)
    {
        var re = Compile(Args.String(a, 0, "regex.find_n"), "regex.find_n");
        var s = Args.String(a, 1, "regex.find_n");
        var n = Args.Int32(a, 2, "regex.find_n");
        var matches = re.Matches(s).Select(m => (RegoValue)new RegoString(m.Value));
        return new RegoArray((n < 0 ? matches : matches.Take(n)).ToArray());
    }

    private static RegoValue FindAllSubmatch(RegoValue[] a)
    {
        var re = Compile(Args.String(a, 0, "regex.find_all_string_submatch_n"), "regex.find_all_string_submatch_n");
        var s = Args.String(a, 1, "regex.find_all_string_submatch_n");
        var n = Args.Int32(a, 2, "regex.find_all_string_submatch_n");
        var matches = re.Matches(s).Select(m => (RegoValue)new RegoArray(m.Groups.Cast<Group>().Select(g => (RegoValue)new RegoString(g.Value)).ToArray()));
        return new RegoArray((n < 0 ? matches : matches.Take(n)).ToArray());
    }

    /// <summary>Matches a template like <c>urn:foo:{.*}</c> where delimited parts are regular expressions.</summary>
    private static RegoValue TemplateMatch(RegoValue[] a)
    {
        var template = Args.String(a, 0, "regex.template_match");
        var value = Args.String(a, 1, "regex.template_match");
        var open = Args.String(a, 2, "regex.template_match");
        var close = Args.String(a, 3, "regex.template_match");
        if (open.Length != 1 || close.Length != 1)
        {
            throw Args.Error("regex.template_match", "delimiters must be single characters");
        }
        var sb = new StringBuilder("^");
        var i = 0;
        while (i < template.Length)
        {
            var start = template.IndexOf(open[0], i);
            if (start < 0)
            {
                sb.Append(Regex.Escape(template[i..]));
                break;
            }
            sb.Append(Regex.Escape(template[i..start]));
            var depth = 0;
            var end = start;
            for (; end < template.Length; end++)
            {
                if (template[end] == open[0])
                {
                    depth++;
                }
                else if (template[end] == close[0] && --depth == 0)
                {
                    break;
                }
            }
            if (end >= template.Length)
            {
                throw Args.Error("regex.template_match", $"unbalanced braces in template {template}");
            }
            sb.Append('(').Append(template[(start + 1)..end]).Append(')');
            i = end + 1;
        }
        sb.Append('$');
        return RegoBoolean.Of(Compile(sb.ToString(), "regex.template_match").IsMatch(value));
    }
}
