using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Rego;

/// <summary>
/// Conversion between Rego values and JSON. Numbers keep their exact text; sets serialise as
/// sorted arrays and object keys are written in sorted order, as OPA does.
/// </summary>
internal static class RegoJson
{
    public static RegoValue Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static RegoValue Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 1000 });
        if (!reader.Read())
        {
            throw new JsonException("empty JSON document");
        }
        var value = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("trailing data after JSON value");
        }
        return value;
    }

    private static RegoValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return RegoNull.Instance;
            case JsonTokenType.True:
                return RegoBoolean.True;
            case JsonTokenType.False:
                return RegoBoolean.False;
            case JsonTokenType.Number:
                return RegoNumber.Parse(Encoding.UTF8.GetString(reader.ValueSpan)) ?? throw new JsonException("bad number");
            case JsonTokenType.String:
                return new RegoString(reader.GetString()!);
            case JsonTokenType.StartArray:
                {
                    var list = new List<RegoValue>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(ReadValue(ref reader));
                    }
                    return new RegoArray(list.ToArray());
                }
            case JsonTokenType.StartObject:
                {
                    var map = new Dictionary<RegoValue, RegoValue>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var key = new RegoString(reader.GetString()!);
                        reader.Read();
                        map[key] = ReadValue(ref reader);
                    }
                    return new RegoObject(map);
                }
            default:
                throw new JsonException($"unexpected JSON token {reader.TokenType}");
        }
    }

    public static RegoValue FromJsonNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return RegoNull.Instance;
            case JsonObject o:
                {
                    // A JsonObject's keys are distinct. By position: enumerating it allocates an enumerator.
                    var entries = new KeyValuePair<RegoValue, RegoValue>[o.Count];
                    for (var i = 0; i < entries.Length; i++)
                    {
                        var (k, v) = o.GetAt(i);
                        entries[i] = new(new RegoString(k), FromJsonNode(v));
                    }
                    return RegoObject.FromDistinct(entries);
                }
            case JsonArray a:
                return new RegoArray(a.Select(FromJsonNode).ToArray());
            default:
                {
                    var v = (JsonValue)node;
                    return v.GetValueKind() switch
                    {
                        JsonValueKind.String => new RegoString(StringOf(v)),
                        JsonValueKind.True => RegoBoolean.True,
                        JsonValueKind.False => RegoBoolean.False,
                        JsonValueKind.Null => RegoNull.Instance,
                        JsonValueKind.Number => RegoNumber.Parse(v.ToJsonString()) ?? throw new JsonException("bad number"),
                        _ => Parse(v.ToJsonString()),
                    };
                }
        }
    }

    // The two runtime types of a JsonValue that holds a string as such: made from a .NET string,
    // and parsed from JSON. For both, ToString() is the string itself, without the generic virtual
    // call GetValue<string>() costs (a fifth of converting a small input). Any other value of
    // string kind (a DateTimeOffset, a Guid) is read from its JSON form.
    private static readonly Type StringValue = JsonValue.Create("").GetType();
    private static readonly Type ParsedValue = JsonNode.Parse("\"\"")!.GetType();

    private static string StringOf(JsonValue v)
    {
        var type = v.GetType();
        return type == StringValue || type == ParsedValue ? v.ToString() : ((RegoString)Parse(v.ToJsonString())).Value;
    }

    public static JsonNode? ToJsonNode(RegoValue value) => value switch
    {
        RegoNull => null,
        RegoBoolean b => JsonValue.Create(b.Value),
        RegoString s => JsonValue.Create(s.Value),
        RegoNumber n => JsonNode.Parse(n.ToString()),
        RegoArray a => new JsonArray(a.Items.Select(ToJsonNode).ToArray()),
        RegoSet s => new JsonArray(s.Items.Select(ToJsonNode).ToArray()),
        RegoObject o => ToJsonObject(o),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static JsonObject ToJsonObject(RegoObject o)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in o.Entries)
        {
            obj[k is RegoString s ? s.Value : Serialize(k)] = ToJsonNode(v);
        }
        return obj;
    }

    /// <summary>Compact JSON, keys sorted, with Go's HTML-safe escaping (as OPA's json.marshal).</summary>
    public static string Serialize(RegoValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value, htmlSafe: true);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, RegoValue value, bool htmlSafe)
    {
        switch (value)
        {
            case RegoString s:
                WriteQuoted(sb, s.Value, htmlSafe);
                break;
            case RegoArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(sb, a[i], htmlSafe);
                }
                sb.Append(']');
                break;
            case RegoSet set:
                sb.Append('[');
                var first = true;
                foreach (var item in set.Items)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    Write(sb, item, htmlSafe);
                }
                sb.Append(']');
                break;
            case RegoObject o:
                sb.Append('{');
                var firstKey = true;
                foreach (var (k, v) in o.Entries)
                {
                    if (!firstKey)
                    {
                        sb.Append(',');
                    }
                    firstKey = false;
                    WriteQuoted(sb, k is RegoString ks ? ks.Value : Serialize(k), htmlSafe);
                    sb.Append(':');
                    Write(sb, v, htmlSafe);
                }
                sb.Append('}');
                break;
            default:
                value.WriteRego(sb);
                break;
        }
    }

    public static void WriteQuoted(StringBuilder sb, string s) => WriteQuoted(sb, s, htmlSafe: false);

    public static void WriteQuoted(StringBuilder sb, string s, bool htmlSafe)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '<' or '>' or '&' when htmlSafe:
                case '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
