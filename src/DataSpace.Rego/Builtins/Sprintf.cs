using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace DataSpace.Rego.Builtins;

/// <summary>
/// The subset of Go's <c>fmt</c> verbs OPA policies use (<c>%v %s %d %f %e %g %x %X %o %b %t %q %%</c>
/// with flags, width and precision), and a minimal <c>text/template</c> for <c>strings.render_template</c>.
/// </summary>
internal static partial class Sprintf
{
    public static string Format(string format, IReadOnlyList<RegoValue> args)
    {
        var sb = new StringBuilder();
        var argIndex = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            i++;
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }
            if (format[i] == '%')
            {
                sb.Append('%');
                continue;
            }
            var flags = string.Empty;
            while (i < format.Length && format[i] is '-' or '+' or '0' or ' ' or '#')
            {
                flags += format[i++];
            }
            var width = ReadInt(format, ref i);
            int? precision = null;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = ReadInt(format, ref i) ?? 0;
            }
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }
            var verb = format[i];
            if (argIndex >= args.Count)
            {
                sb.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }
            var text = FormatOne(verb, args[argIndex++], flags, precision);
            sb.Append(Pad(text, width, flags));
        }
        if (argIndex < args.Count)
        {
            sb.Append("%!(EXTRA ");
            sb.Append(string.Join(", ", args.Skip(argIndex).Select(a => GoType(a) + "=" + Plain(a))));
            sb.Append(')');
        }
        return sb.ToString();
    }

    private static string GoType(RegoValue v) => v switch
    {
        RegoString => "string",
        RegoNumber n => n.IsInteger ? "*big.Int" : "float64",
        RegoBoolean => "bool",
        _ => "ast.Value",
    };

    private static int? ReadInt(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        return i > start ? int.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture) : null;
    }

    private static string Pad(string text, int? width, string flags)
    {
        if (width is not { } w || text.Length >= w)
        {
            return text;
        }
        if (flags.Contains('-'))
        {
            return text.PadRight(w);
        }
        if (flags.Contains('0'))
        {
            var neg = text.StartsWith('-');
            var digits = neg ? text[1..] : text;
            return (neg ? "-" : string.Empty) + digits.PadLeft(w - (neg ? 1 : 0), '0');
        }
        return text.PadLeft(w);
    }

    /// <summary>How <c>%v</c> shows a value: strings bare, everything else in Rego syntax.</summary>
    public static string Plain(RegoValue v) => v is RegoString s ? s.Value : v.ToString();

    private static string FormatOne(char verb, RegoValue v, string flags, int? precision)
    {
        switch (verb)
        {
            case 'v':
            case 's':
                {
                    var s = Plain(v);
                    return precision is { } p && p < s.Length ? s[..p] : s;
                }
            case 'q':
                return v is RegoString qs ? v.ToString() : Plain(v);
            case 't':
                return v is RegoBoolean b ? (b.Value ? "true" : "false") : $"%!t({Plain(v)})";
            case 'd':
                if (v is RegoNumber dn && dn.TryGetInteger(out var di))
                {
                    var sign = flags.Contains('+') && di.Sign >= 0 ? "+" : string.Empty;
                    return sign + di.ToString(CultureInfo.InvariantCulture);
                }
                return $"%!d({GoType(v)}={Plain(v)})";
            case 'x':
            case 'X':
            case 'o':
            case 'b':
                {
                    var radix = verb switch { 'o' => 8, 'b' => 2, _ => 16 };
                    string s;
                    if (v is RegoNumber xn && xn.TryGetInteger(out var xi))
                    {
                        s = StringBuiltins.ToBase(xi, radix);
                    }
                    else if (v is RegoString xs && radix == 16)
                    {
                        s = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(xs.Value));
                    }
                    else
                    {
                        return $"%!{verb}({GoType(v)}={Plain(v)})";
                    }
                    return verb == 'X' ? s.ToUpperInvariant() : s;
                }
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G':
                if (v is RegoNumber fn)
                {
                    return FormatFloat(fn, verb, precision);
                }
                return $"%!{verb}({GoType(v)}={Plain(v)})";
            default:
                return $"%!{verb}({GoType(v)}={Plain(v)})";
        }
    }

    private static string FormatFloat(RegoNumber n, char verb, int? precision)
    {
        var d = n.ToDouble();
        switch (char.ToLowerInvariant(verb))
        {
            case 'f':
                return FixedPoint(n, precision ?? 6);
            case 'e':
                {
                    var s = d.ToString("e" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                    s = GoExponent(s);
                    return verb == 'E' ? s.ToUpperInvariant() : s;
                }
            default:
                {
                    var s = precision is { } p ? d.ToString("G" + p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
                    s = GoExponent(s.Replace("E", "e", StringComparison.Ordinal));
                    return verb == 'G' ? s.ToUpperInvariant() : s;
                }
        }
    }

    /// <summary>Exact decimal rounding (half to even, like Go's strconv on the exact value).</summary>
    private static string FixedPoint(RegoNumber n, int precision)
    {
        var scaled = RegoNumber.Multiply(n, RegoNumber.Create(1, precision));
        var floor = scaled.Floor();
        var frac = RegoNumber.Subtract(scaled, floor);
        var half = RegoNumber.Create(5, -1);
        floor.TryGetInteger(out var q);
        var cmp = frac.CompareTo(half);
        if (cmp > 0 || (cmp == 0 && !q.IsEven))
        {
            q += 1;
        }
        var neg = q.Sign < 0;
        var digits = BigInteger.Abs(q).ToString(CultureInfo.InvariantCulture).PadLeft(precision + 1, '0');
        var result = precision == 0 ? digits : digits[..^precision] + "." + digits[^precision..];
        return (neg ? "-" : string.Empty) + result;
    }

    /// <summary>.NET writes <c>e+006</c>; Go writes <c>e+06</c>.</summary>
    private static string GoExponent(string s)
    {
        var m = ExponentPattern().Match(s);
        if (!m.Success)
        {
            return s;
        }
        var digits = m.Groups[2].Value.TrimStart('0').PadLeft(2, '0');
        var sign = m.Groups[1].Value.Length == 0 ? "+" : m.Groups[1].Value;
        return s[..m.Index] + "e" + sign + digits;
    }

    [GeneratedRegex("e([+-]?)([0-9]+)$")]
    private static partial Regex ExponentPattern();

    /// <summary>Go <c>text/template</c> subset: <c>{{.key}}</c> and <c>{{ .key }}</c> substitution.</summary>
    public static string RenderTemplate(string template, RegoObject vars)
    {
        return TemplatePattern().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            var value = vars[name];
            if (value is null)
            {
                throw Args.Error("strings.render_template", $"template: {name}: map has no entry for key \"{name}\"");
            }
            return Plain(value);
        });
    }

    [GeneratedRegex(@"\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}")]
    private static partial Regex TemplatePattern();
}
