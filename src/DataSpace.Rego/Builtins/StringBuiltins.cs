using System.Globalization;
using System.Numerics;
using System.Text;

namespace DataSpace.Rego.Builtins;

/// <summary>String builtins: <c>concat</c>, <c>split</c>, <c>replace</c>, <c>trim*</c>, <c>strings.*</c>, <c>sprintf</c>, …</summary>
internal static class StringBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("concat", 2, a => new RegoString(string.Join(Args.String(a, 0, "concat"), Args.Strings(a, 1, "concat", "one of {array, set}"))));
        r.Add("contains", 2, a => RegoBoolean.Of(Args.String(a, 0, "contains").Contains(Args.String(a, 1, "contains"), StringComparison.Ordinal)));
        r.Add("startswith", 2, a => RegoBoolean.Of(Args.String(a, 0, "startswith").StartsWith(Args.String(a, 1, "startswith"), StringComparison.Ordinal)));
        r.Add("endswith", 2, a => RegoBoolean.Of(Args.String(a, 0, "endswith").EndsWith(Args.String(a, 1, "endswith"), StringComparison.Ordinal)));
        r.Add("lower", 1, a => new RegoString(Args.String(a, 0, "lower").ToLowerInvariant()));
        r.Add("upper", 1, a => new RegoString(Args.String(a, 0, "upper").ToUpperInvariant()));
        r.Add("split", 2, a => new RegoArray(Split(Args.String(a, 0, "split"), Args.String(a, 1, "split")).Select(s => (RegoValue)new RegoString(s)).ToArray()));
        r.Add("replace", 3, a => new RegoString(Replace(Args.String(a, 0, "replace"), Args.String(a, 1, "replace"), Args.String(a, 2, "replace"))));
        r.Add("strings.replace_n", 2, ReplaceN);
        r.Add("strings.reverse", 1, a => new RegoString(Reverse(Args.String(a, 0, "strings.reverse"))));
        r.Add("strings.count", 2, a => RegoNumber.Of(Count(Args.String(a, 0, "strings.count"), Args.String(a, 1, "strings.count"))));
        r.Add("strings.any_prefix_match", 2, a => AnyMatch(a, "strings.any_prefix_match", (s, p) => s.StartsWith(p, StringComparison.Ordinal)));
        r.Add("strings.any_suffix_match", 2, a => AnyMatch(a, "strings.any_suffix_match", (s, p) => s.EndsWith(p, StringComparison.Ordinal)));
        r.Add("indexof", 2, IndexOf);
        r.Add("indexof_n", 2, IndexOfN);
        r.Add("substring", 3, Substring);
        r.Add("trim", 2, a => new RegoString(Args.String(a, 0, "trim").Trim(Args.String(a, 1, "trim").ToCharArray())));
        r.Add("trim_left", 2, a => new RegoString(Args.String(a, 0, "trim_left").TrimStart(Args.String(a, 1, "trim_left").ToCharArray())));
        r.Add("trim_right", 2, a => new RegoString(Args.String(a, 0, "trim_right").TrimEnd(Args.String(a, 1, "trim_right").ToCharArray())));
        r.Add("trim_prefix", 2, a => TrimPrefix(Args.String(a, 0, "trim_prefix"), Args.String(a, 1, "trim_prefix")));
        r.Add("trim_suffix", 2, a => TrimSuffix(Args.String(a, 0, "trim_suffix"), Args.String(a, 1, "trim_suffix")));
        r.Add("trim_space", 1, a => new RegoString(Args.String(a, 0, "trim_space").Trim(' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00a0')));
        r.Add("format_int", 2, FormatInt);
        r.Add("sprintf", 2, a => new RegoString(Sprintf.Format(Args.String(a, 0, "sprintf"), Args.Array(a, 1, "sprintf").Items)));
        r.Add("strings.render_template", 2, a => new RegoString(Sprintf.RenderTemplate(Args.String(a, 0, "strings.render_template"), Args.Object(a, 1, "strings.render_template"))));
    }

    private static IEnumerable<string> Split(string s, string sep)
    {
        if (sep.Length == 0)
        {
            return s.EnumerateRunes().Select(r => r.ToString());
        }
        return s.Split(sep);
    }

    private static string Replace(string s, string old, string neu)
    {
        if (old.Length == 0)
        {
            // Go inserts the replacement before every rune and at the end.
            var sb = new StringBuilder(neu);
            foreach (var rune in s.EnumerateRunes())
            {
                sb.Append(rune.ToString()).Append(neu);
            }
            return sb.ToString();
        }
        return s.Replace(old, neu, StringComparison.Ordinal);
    }

    private static RegoValue ReplaceN(RegoValue[] a)
    {
        var patterns = Args.Object(a, 0, "strings.replace_n");
        var s = Args.String(a, 1, "strings.replace_n");
        var pairs = new List<(string Old, string New)>();
        foreach (var (k, v) in patterns.Entries)
        {
            if (k is not RegoString ks)
            {
                throw new BuiltinException(Evaluation.ErrorCodes.Type, "strings.replace_n: operand 1 non-string key found in pattern object");
            }
            if (v is not RegoString vs)
            {
                throw new BuiltinException(Evaluation.ErrorCodes.Type, "strings.replace_n: operand 1 non-string value found in pattern object");
            }
            pairs.Add((ks.Value, vs.Value));
        }
        // Go's strings.NewReplacer: at each position the first matching pattern (in argument order) wins.
        var sb = new StringBuilder();
        var i = 0;
        while (i < s.Length)
        {
            var matched = false;
            foreach (var (o, n) in pairs)
            {
                if (o.Length > 0 && string.CompareOrdinal(s, i, o, 0, o.Length) == 0)
                {
                    sb.Append(n);
                    i += o.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                sb.Append(s[i++]);
            }
        }
        return new RegoString(sb.ToString());
    }

    private static string Reverse(string s)
    {
        var runes = s.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        return string.Concat(runes.Select(r => r.ToString()));
    }

    private static int Count(string s, string sub)
    {
        if (sub.Length == 0)
        {
            return s.EnumerateRunes().Count() + 1;
        }
        var n = 0;
        for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }

    private static RegoValue AnyMatch(RegoValue[] a, string fn, Func<string, string, bool> match)
    {
        var search = a[0] is RegoString s0 ? [s0.Value] : Args.Strings(a, 0, fn, "one of {string, set, array}");
        var patterns = a[1] is RegoString s1 ? [s1.Value] : Args.Strings(a, 1, fn, "one of {string, set, array}");
        return RegoBoolean.Of(search.Any(s => patterns.Any(p => match(s, p))));
    }

    /// <summary>Index in runes (code points), as OPA reports it.</summary>
    private static int RuneIndex(string s, int charIndex) => s[..charIndex].EnumerateRunes().Count();

    private static RegoValue IndexOf(RegoValue[] a)
    {
        var s = Args.String(a, 0, "indexof");
        var sub = Args.String(a, 1, "indexof");
        var i = s.IndexOf(sub, StringComparison.Ordinal);
        return RegoNumber.Of(i < 0 ? -1 : RuneIndex(s, i));
    }

    private static RegoValue IndexOfN(RegoValue[] a)
    {
        var s = Args.String(a, 0, "indexof_n");
        var sub = Args.String(a, 1, "indexof_n");
        var list = new List<RegoValue>();
        if (sub.Length == 0)
        {
            return RegoArray.Empty;
        }
        for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + 1, StringComparison.Ordinal))
        {
            list.Add(RegoNumber.Of(RuneIndex(s, i)));
        }
        return new RegoArray(list.ToArray());
    }

    private static RegoValue Substring(RegoValue[] a)
    {
        var s = Args.String(a, 0, "substring");
        var start = Args.Integer(a, 1, "substring");
        var length = Args.Integer(a, 2, "substring");
        if (start < 0)
        {
            throw Args.Error("substring", "negative offset");
        }
        var runes = s.EnumerateRunes().ToArray();
        if (start >= runes.Length)
        {
            return RegoString.Empty;
        }
        var st = (int)start;
        var end = length < 0 || start + length > runes.Length ? runes.Length : (int)(start + length);
        return new RegoString(string.Concat(runes[st..end].Select(r => r.ToString())));
    }

    private static RegoValue TrimPrefix(string s, string p) => new RegoString(p.Length > 0 && s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s);

    private static RegoValue TrimSuffix(string s, string p) => new RegoString(p.Length > 0 && s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s);

    private static RegoValue FormatInt(RegoValue[] a)
    {
        var n = Args.Number(a, 0, "format_int");
        var b = Args.Integer(a, 1, "format_int");
        if (b != 2 && b != 8 && b != 10 && b != 16)
        {
            throw new BuiltinException(Evaluation.ErrorCodes.Type, "format_int: operand 2 must be one of {2, 8, 10, 16}");
        }
        var v = n.Floor();
        if (!v.TryGetInteger(out var i))
        {
            throw Args.Error("format_int", "number too large");
        }
        return new RegoString(ToBase(i, (int)b));
    }

    internal static string ToBase(BigInteger value, int radix)
    {
        if (radix == 10)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }
        var neg = value.Sign < 0;
        var v = BigInteger.Abs(value);
        if (v.IsZero)
        {
            return "0";
        }
        var sb = new StringBuilder();
        while (v > 0)
        {
            sb.Insert(0, "0123456789abcdef"[(int)(v % radix)]);
            v /= radix;
        }
        return (neg ? "-" : string.Empty) + sb;
    }
}
