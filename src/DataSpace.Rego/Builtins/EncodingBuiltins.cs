using System.Text;

namespace DataSpace.Rego.Builtins;

/// <summary><c>base64.*</c>, <c>base64url.*</c>, <c>hex.*</c>, <c>urlquery.*</c>.</summary>
internal static class EncodingBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("base64.encode", 1, a => new RegoString(Convert.ToBase64String(Encoding.UTF8.GetBytes(Args.String(a, 0, "base64.encode")))));
        r.Add("base64.decode", 1, a => new RegoString(Utf8(DecodeBase64(Args.String(a, 0, "base64.decode"), url: false, padded: true, "base64.decode"))));
        r.Add("base64.is_valid", 1, a => RegoBoolean.Of(TryBase64(Args.String(a, 0, "base64.is_valid"), url: false, padded: true, out _)));
        r.Add("base64url.encode", 1, a => new RegoString(ToBase64Url(Encoding.UTF8.GetBytes(Args.String(a, 0, "base64url.encode")), pad: true)));
        r.Add("base64url.encode_no_pad", 1, a => new RegoString(ToBase64Url(Encoding.UTF8.GetBytes(Args.String(a, 0, "base64url.encode_no_pad")), pad: false)));
        r.Add("base64url.decode", 1, a => new RegoString(Utf8(DecodeBase64(Args.String(a, 0, "base64url.decode"), url: true, padded: false, "base64url.decode"))));
        r.Add("hex.encode", 1, a => new RegoString(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Args.String(a, 0, "hex.encode")))));
        r.Add("hex.decode", 1, HexDecode);
        r.Add("urlquery.encode", 1, a => new RegoString(QueryEscape(Args.String(a, 0, "urlquery.encode"))));
        r.Add("urlquery.decode", 1, a => new RegoString(QueryUnescape(Args.String(a, 0, "urlquery.decode"))));
        r.Add("urlquery.encode_object", 1, EncodeObject);
        r.Add("urlquery.decode_object", 1, DecodeObject);
    }

    private static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public static string ToBase64Url(byte[] bytes, bool pad)
    {
        var s = Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
        return pad ? s : s.TrimEnd('=');
    }

    public static byte[] DecodeBase64(string s, bool url, bool padded, string fn)
    {
        if (!TryBase64(s, url, padded, out var bytes))
        {
            throw Args.Error(fn, "illegal base64 data at input byte " + FirstBad(s, url));
        }
        return bytes;
    }

    public static int FirstBad(string s, bool url)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ok = char.IsAsciiLetterOrDigit(c) || c == '=' || (url ? c is '-' or '_' : c is '+' or '/');
            if (!ok)
            {
                return i;
            }
        }
        return Math.Max(0, s.Length - (s.Length % 4 == 0 ? 1 : s.Length % 4));
    }

    public static bool TryBase64(string s, bool url, bool padded, out byte[] bytes)
    {
        bytes = [];
        if (url)
        {
            if (s.Contains('+') || s.Contains('/'))
            {
                return false;
            }
            s = s.Replace('-', '+').Replace('_', '/');
        }
        else if (s.Contains('-') || s.Contains('_'))
        {
            return false;
        }
        if (!padded || url)
        {
            s = s.TrimEnd('=');
            if (s.Length % 4 == 1)
            {
                return false;
            }
            s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        }
        if (s.Length % 4 != 0)
        {
            return false;
        }
        try
        {
            bytes = Convert.FromBase64String(s);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static RegoValue HexDecode(RegoValue[] a)
    {
        var s = Args.String(a, 0, "hex.decode");
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiHexDigit(s[i]))
            {
                throw Args.Error("hex.decode", $"encoding/hex: invalid byte: U+{(int)s[i]:X4} '{s[i]}'");
            }
        }
        if (s.Length % 2 != 0)
        {
            throw Args.Error("hex.decode", "encoding/hex: odd length hex string");
        }
        return new RegoString(Utf8(Convert.FromHexString(s)));
    }

    /// <summary>Go's url.QueryEscape: unreserved bytes stay, space becomes '+', others are %XX.</summary>
    public static string QueryEscape(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    public static string QueryUnescape(string s)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    var bad = s.Substring(i, Math.Min(3, s.Length - i));
                    throw Args.Error("urlquery.decode", $"invalid URL escape \"{bad}\"");
                }
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static RegoValue EncodeObject(RegoValue[] a)
    {
        var obj = Args.Object(a, 0, "urlquery.encode_object");
        var parts = new List<string>();
        foreach (var (k, v) in obj.Entries)
        {
            var key = QueryEscape(((RegoString)k).Value);
            IEnumerable<RegoValue> values = v switch
            {
                RegoString => [v],
                RegoArray arr => arr.Items,
                RegoSet set => set.Items,
                _ => throw Args.TypeError("urlquery.encode_object", 0, "object[string: string|array|set]", a[0]),
            };
            foreach (var item in values)
            {
                parts.Add(key + "=" + QueryEscape(((RegoString)item).Value));
            }
        }
        return new RegoString(string.Join('&', parts));
    }

    private static RegoValue DecodeObject(RegoValue[] a)
    {
        var s = Args.String(a, 0, "urlquery.decode_object");
        var map = new Dictionary<string, List<RegoValue>>(StringComparer.Ordinal);
        foreach (var part in s.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var k = QueryUnescape(eq < 0 ? part : part[..eq]);
            var v = eq < 0 ? string.Empty : QueryUnescape(part[(eq + 1)..]);
            if (!map.TryGetValue(k, out var list))
            {
                map[k] = list = [];
            }
            list.Add(new RegoString(v));
        }
        return new RegoObject(map.ToDictionary(e => (RegoValue)new RegoString(e.Key), e => (RegoValue)new RegoArray(e.Value.ToArray())));
    }
}
