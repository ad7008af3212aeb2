using System.Text.Json;

namespace DataSpace.Rego.Builtins;

/// <summary><c>json.*</c>: marshal, unmarshal, is_valid, filter, remove, patch.</summary>
internal static class JsonBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("json.marshal", 1, a => new RegoString(RegoJson.Serialize(a[0])));
        r.Add("json.marshal_with_options", 2, JsonMarshalOptions.Marshal);
        r.Add("json.unmarshal", 1, a => Unmarshal(Args.String(a, 0, "json.unmarshal")));
        r.Add("json.is_valid", 1, a => RegoBoolean.Of(a[0] is RegoString s && TryParse(s.Value) is not null));
        r.Add("json.filter", 2, a => Filter(Args.Object(a, 0, "json.filter"), Paths(a, 1, "json.filter")));
        r.Add("json.remove", 2, a => Remove(Args.Object(a, 0, "json.remove"), Paths(a, 1, "json.remove")));
        r.Add("json.patch", 2, a => JsonPatch.Apply(a[0], Args.Array(a, 1, "json.patch")));
    }

    private static RegoValue? TryParse(string s)
    {
        try
        {
            return RegoJson.Parse(s);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static RegoValue Unmarshal(string s) =>
        TryParse(s) ?? throw Args.Error("json.unmarshal", "invalid character");

    /// <summary>Paths given as <c>"a/b"</c> strings or arrays of keys.</summary>
    private static List<RegoValue[]> Paths(RegoValue[] a, int i, string fn)
    {
        IReadOnlyList<RegoValue> items = a[i] switch
        {
            RegoArray arr => arr.Items,
            RegoSet s => s.Items,
            _ => throw Args.TypeError(fn, i, "one of {set, array}", a[i]),
        };
        var paths = new List<RegoValue[]>();
        foreach (var item in items)
        {
            switch (item)
            {
                case RegoString s:
                    paths.Add(s.Value.Trim('/').Split('/').Where(p => p.Length > 0).Select(p => (RegoValue)new RegoString(p.Replace("~1", "/").Replace("~0", "~"))).ToArray());
                    break;
                case RegoArray arr:
                    paths.Add(arr.Items.ToArray());
                    break;
                default:
                    throw new BuiltinException(Evaluation.ErrorCodes.Type, $"{fn}: operand 2 must be one of {{set, array}} containing string paths or array of path segments but got {item.TypeName}");
            }
        }
        return paths;
    }

    private static RegoValue Filter(RegoValue v, List<RegoValue[]> paths)
    {
        if (paths.Any(p => p.Length == 0))
        {
            return v;
        }
        var groups = paths.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1..]).ToList());
        switch (v)
        {
            case RegoObject o:
                {
                    var map = new Dictionary<RegoValue, RegoValue>();
                    foreach (var (k, sub) in groups)
                    {
                        if (o.TryGetValue(k, out var child))
                        {
                            map[k] = Filter(child, sub);
                        }
                    }
                    return new RegoObject(map);
                }
            case RegoArray arr:
                {
                    var items = new List<RegoValue>();
                    for (var i = 0; i < arr.Count; i++)
                    {
                        var key = groups.Keys.FirstOrDefault(k => IndexOf(k) == i);
                        if (key is not null)
                        {
                            items.Add(Filter(arr[i], groups[key]));
                        }
                    }
                    return new RegoArray(items.ToArray());
                }
            case RegoSet s:
                return new RegoSet(s.Items.Where(groups.ContainsKey).Select(x => Filter(x, groups[x])));
            default:
                return v;
        }
    }

    private static int IndexOf(RegoValue k) => k switch
    {
        RegoNumber n when n.TryGetInt32(out var i) => i,
        RegoString s when int.TryParse(s.Value, out var j) => j,
        _ => -1,
    };

    private static RegoValue Remove(RegoValue v, List<RegoValue[]> paths)
    {
        var removeHere = paths.Where(p => p.Length == 1).Select(p => p[0]).ToHashSet();
        var deeper = paths.Where(p => p.Length > 1).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1..]).ToList());
        switch (v)
        {
            case RegoObject o:
                {
                    var map = new Dictionary<RegoValue, RegoValue>();
                    foreach (var (k, child) in o.Map)
                    {
                        if (removeHere.Contains(k))
                        {
                            continue;
                        }
                        map[k] = deeper.TryGetValue(k, out var sub) ? Remove(child, sub) : child;
                    }
                    return new RegoObject(map);
                }
            case RegoArray arr:
                {
                    var items = new List<RegoValue>();
                    for (var i = 0; i < arr.Count; i++)
                    {
                        if (removeHere.Any(k => IndexOf(k) == i))
                        {
                            continue;
                        }
                        var key = deeper.Keys.FirstOrDefault(k => IndexOf(k) == i);
                        items.Add(key is not null ? Remove(arr[i], deeper[key]) : arr[i]);
                    }
                    return new RegoArray(items.ToArray());
                }
            case RegoSet s:
                return new RegoSet(s.Items.Where(x => !removeHere.Contains(x)));
            default:
                return v;
        }
    }
}
