namespace DataSpace.Rego.Builtins;

/// <summary>RFC 6902 JSON Patch over Rego values, for <c>json.patch</c>; a failed operation makes the call undefined.</summary>
internal static class JsonPatch
{
    public static RegoValue? Apply(RegoValue doc, RegoArray ops)
    {
        var current = doc;
        foreach (var op in ops.Items)
        {
            if (op is not RegoObject o || o["op"] is not RegoString name || o["path"] is not { } pathValue)
            {
                return null;
            }
            var path = Pointer(pathValue);
            if (path is null)
            {
                return null;
            }
            RegoValue? next;
            switch (name.Value)
            {
                case "add":
                    next = o["value"] is { } av ? Add(current, path, 0, av) : null;
                    break;
                case "remove":
                    next = Remove(current, path, 0);
                    break;
                case "replace":
                    next = o["value"] is { } rv && Get(current, path) is not null ? Add(Remove(current, path, 0)!, path, 0, rv) : null;
                    break;
                case "move":
                    {
                        var from = o["from"] is { } f ? Pointer(f) : null;
                        var value = from is null ? null : Get(current, from);
                        next = value is null ? null : Remove(current, from!, 0) is { } removed ? Add(removed, path, 0, value) : null;
                        break;
                    }
                case "copy":
                    {
                        var from = o["from"] is { } f ? Pointer(f) : null;
                        var value = from is null ? null : Get(current, from);
                        next = value is null ? null : Add(current, path, 0, value);
                        break;
                    }
                case "test":
                    next = o["value"] is { } tv && Get(current, path) is { } got && got.Equals(tv) ? current : null;
                    break;
                default:
                    return null;
            }
            if (next is null)
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    private static string[]? Pointer(RegoValue v) => v switch
    {
        RegoString s when s.Value.Length == 0 => [],
        RegoString s when s.Value.StartsWith('/') => s.Value[1..].Split('/').Select(p => p.Replace("~1", "/").Replace("~0", "~")).ToArray(),
        RegoArray a => a.Items.Select(i => i is RegoString s ? s.Value : i.ToString()).ToArray(),
        _ => null,
    };

    private static RegoValue? Get(RegoValue v, string[] path)
    {
        var current = v;
        foreach (var p in path)
        {
            current = Child(current, p);
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    private static RegoValue? Child(RegoValue v, string key) => v switch
    {
        RegoObject o => o[key],
        RegoArray a => int.TryParse(key, out var i) && i >= 0 && i < a.Count ? a[i] : null,
        RegoSet s => s.Items.FirstOrDefault(x => x is RegoString xs && xs.Value == key),
        _ => null,
    };

    private static RegoValue? Add(RegoValue target, string[] path, int i, RegoValue value)
    {
        if (i == path.Length)
        {
            return value;
        }
        var key = path[i];
        var last = i == path.Length - 1;
        switch (target)
        {
            case RegoObject o:
                {
                    var map = new Dictionary<RegoValue, RegoValue>(o.Map);
                    var k = new RegoString(key);
                    if (last)
                    {
                        map[k] = value;
                    }
                    else
                    {
                        if (!map.TryGetValue(k, out var child) || Add(child, path, i + 1, value) is not { } updated)
                        {
                            return null;
                        }
                        map[k] = updated;
                    }
                    return new RegoObject(map);
                }
            case RegoArray a:
                {
                    var items = a.Items.ToList();
                    if (last)
                    {
                        if (key == "-")
                        {
                            items.Add(value);
                        }
                        else if (int.TryParse(key, out var idx) && idx >= 0 && idx <= items.Count)
                        {
                            items.Insert(idx, value);
                        }
                        else
                        {
                            return null;
                        }
                        return new RegoArray(items.ToArray());
                    }
                    if (!int.TryParse(key, out var j) || j < 0 || j >= items.Count || Add(items[j], path, i + 1, value) is not { } u)
                    {
                        return null;
                    }
                    items[j] = u;
                    return new RegoArray(items.ToArray());
                }
            case RegoSet s when last:
                return new RegoSet([.. s.Items, value]);
            default:
                return null;
        }
    }

    private static RegoValue? Remove(RegoValue target, string[] path, int i)
    {
        if (path.Length == 0)
        {
            return null;
        }
        var key = path[i];
        var last = i == path.Length - 1;
        switch (target)
        {
            case RegoObject o:
                {
                    var k = new RegoString(key);
                    if (!o.TryGetValue(k, out var child))
                    {
                        return null;
                    }
                    var map = new Dictionary<RegoValue, RegoValue>(o.Map);
                    if (last)
                    {
                        map.Remove(k);
                    }
                    else if (Remove(child, path, i + 1) is { } u)
                    {
                        map[k] = u;
                    }
                    else
                    {
                        return null;
                    }
                    return new RegoObject(map);
                }
            case RegoArray a:
                {
                    if (!int.TryParse(key, out var idx) || idx < 0 || idx >= a.Count)
                    {
                        return null;
                    }
                    var items = a.Items.ToList();
                    if (last)
                    {
                        items.RemoveAt(idx);
                    }
                    else if (Remove(items[idx], path, i + 1) is { } u)
                    {
                        items[idx] = u;
                    }
                    else
                    {
                        return null;
                    }
                    return new RegoArray(items.ToArray());
                }
            case RegoSet s when last:
                return new RegoSet(s.Items.Where(x => !(x is RegoString xs && xs.Value == key)));
            default:
                return null;
        }
    }
}
