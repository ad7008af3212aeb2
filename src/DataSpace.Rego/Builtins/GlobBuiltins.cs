using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace DataSpace.Rego.Builtins;

/// <summary><c>glob.match</c> and <c>glob.quote_meta</c> with gobwas/glob semantics (<c>*</c>, <c>**</c>, <c>?</c>, <c>[…]</c>, <c>{a,b}</c>).</summary>
internal static class GlobBuiltins
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static void Register(Registrar r)
    {
        r.Add("glob.match", 3, Match);
        r.Add("glob.quote_meta", 1, a => new RegoString(QuoteMeta(Args.String(a, 0, "glob.quote_meta"))));
    }

    private static string QuoteMeta(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c is '*' or '?' or '\\' or '[' or ']' or '{' or '}')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static RegoValue Match(RegoValue[] a)
    {
        var pattern = Args.String(a, 0, "glob.match");
        List<string> delimiters = a[1] switch
        {
            RegoNull => [],
            RegoArray arr when arr.Count == 0 => ["."],
            RegoArray => Args.Strings(a, 1, "glob.match", "array"),
            _ => throw Args.TypeError("glob.match", 1, "array", a[1]),
        };
        var value = Args.String(a, 2, "glob.match");
        var key = pattern + "\u0000" + string.Join("\u0000", delimiters);
        var re = Cache.GetOrAdd(key, _ => new Regex(ToRegex(pattern, delimiters), RegexOptions.CultureInvariant | RegexOptions.Singleline));
        return RegoBoolean.Of(re.IsMatch(value));
    }

    private static string ToRegex(string pattern, List<string> delimiters)
    {
        var notDelim = delimiters.Count == 0 ? "." : "[^" + string.Concat(delimiters.Select(d => EscapeClass(d))) + "]";
        var sb = new StringBuilder("^");
        var braceDepth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append(notDelim).Append('*');
                    break;
                case '?':
                    sb.Append(notDelim);
                    break;
                case '[':
                    {
                        var end = pattern.IndexOf(']', i + 1);
                        if (end < 0)
                        {
                            sb.Append(@"\[");
                            break;
                        }
                        var body = pattern[(i + 1)..end];
                        var negate = body.StartsWith('!');
                        if (negate)
                        {
                            body = body[1..];
                        }
                        sb.Append('[').Append(negate ? "^" : string.Empty).Append(body.Replace("\\", "\\\\")).Append(']');
                        i = end;
                        break;
                    }
                case '{':
                    braceDepth++;
                    sb.Append("(?:");
                    break;
                case '}' when braceDepth > 0:
                    braceDepth--;
                    sb.Append(')');
                    break;
                case ',' when braceDepth > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return sb.Append('$').ToString();
    }

    private static string EscapeClass(string s) => Regex.Escape(s).Replace("]", @"\]").Replace("-", @"\-");
}
