using System.Text;

namespace DataSpace.Rego.Builtins;

/// <summary>
/// <c>json.marshal_with_options(x, opts)</c>: <c>pretty</c>, <c>indent</c> (default a tab) and
/// <c>prefix</c>. Any of <c>indent</c>/<c>prefix</c>, or <c>pretty: true</c>, selects Go's
/// <c>MarshalIndent</c> layout with the prefix also before the first line; <c>pretty: false</c>
/// always gives compact output.
/// </summary>
internal static class JsonMarshalOptions
{
    private const string Fn = "json.marshal_with_options";

    public static RegoValue Marshal(RegoValue[] a)
    {
        var options = Args.Object(a, 1, Fn);
        bool? pretty = null;
        string? indent = null, prefix = null;
        foreach (var (key, value) in options.Entries)
        {
            switch (key is RegoString s ? s.Value : key.ToString())
            {
                case "pretty":
                    pretty = value is RegoBoolean b ? b.Value : throw Invalid("pretty", "boolean", value);
                    break;
                case "indent":
                    indent = value is RegoString i ? i.Value : throw Invalid("indent", "string", value);
                    break;
                case "prefix":
                    prefix = value is RegoString p ? p.Value : throw Invalid("prefix", "string", value);
                    break;
                case var other:
                    throw new BuiltinException(Evaluation.ErrorCodes.Type, $"{Fn}: object contained unknown key \"{other}\"");
            }
        }
        if (pretty == false || (pretty is null && indent is null && prefix is null))
        {
            return new RegoString(RegoJson.Serialize(a[0]));
        }
        var sb = new StringBuilder(prefix);
        Write(sb, a[0], prefix ?? "", indent ?? "\t", 0);
        return new RegoString(sb.ToString());
    }

    private static BuiltinException Invalid(string name, string want, RegoValue got) =>
        new(Evaluation.ErrorCodes.Type, $"{Fn}: operand 2 \"{name}\" must be {want} but got {got.TypeName}");

    private static void Write(StringBuilder sb, RegoValue value, string prefix, string indent, int depth)
    {
        var items = value switch
        {
            RegoArray arr => arr.Items.Select(i => ((RegoValue?)null, i)).ToList(),
            RegoSet set => set.Items.Select(i => ((RegoValue?)null, i)).ToList(),
            RegoObject obj => obj.Entries.Select(e => ((RegoValue?)e.Key, e.Value)).ToList(),
            _ => null,
        };
        if (items is null)
        {
            RegoJson.Write(sb, value, htmlSafe: true);
            return;
        }
        var (open, close) = value is RegoObject ? ('{', '}') : ('[', ']');
        sb.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            NewLine(sb, prefix, indent, depth + 1);
            var (key, item) = items[i];
            if (key is not null)
            {
                RegoJson.WriteQuoted(sb, key is RegoString s ? s.Value : RegoJson.Serialize(key), htmlSafe: true);
                sb.Append(": ");
            }
            Write(sb, item, prefix, indent, depth + 1);
            if (i < items.Count - 1)
            {
                sb.Append(',');
            }
        }
        if (items.Count > 0)
        {
            NewLine(sb, prefix, indent, depth);
        }
        sb.Append(close);
    }

    private static void NewLine(StringBuilder sb, string prefix, string indent, int depth)
    {
        sb.Append('\n').Append(prefix);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(indent);
        }
    }
}
