namespace DataSpace.Rego.Builtins;

/// <summary><c>object.*</c>: get, keys, remove, filter, union, union_n, subset.</summary>
internal static class ObjectBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("object.get", 3, Get);
        r.Add("object.keys", 1, a => new RegoSet(Args.Object(a, 0, "object.keys").Keys));
        r.Add("object.remove", 2, a =>
        {
            var obj = Args.Object(a, 0, "object.remove");
            var keys = KeySet(a, 1, "object.remove");
            return new RegoObject(obj.Map.Where(e => !keys.Contains(e.Key)).ToDictionary());
        });
        r.Add("object.filter", 2, a =>
        {
            var obj = Args.Object(a, 0, "object.filter");
            var keys = KeySet(a, 1, "object.filter");
            return new RegoObject(obj.Map.Where(e => keys.Contains(e.Key)).ToDictionary());
        });
        r.Add("object.union", 2, a => Union(Args.Object(a, 0, "object.union"), Args.Object(a, 1, "object.union")));
        r.Add("object.union_n", 1, a =>
        {
            var arr = Args.Array(a, 0, "object.union_n");
            RegoObject acc = RegoObject.Empty;
            foreach (var item in arr.Items)
            {
                acc = Union(acc, item as RegoObject ?? throw Args.TypeError("object.union_n", 0, "array of objects", a[0]));
            }
            return acc;
        });
        r.Add("object.subset", 2, a =>
        {
            if (a[0] is not (RegoObject or RegoArray or RegoSet))
            {
                throw Args.TypeError("object.subset", 0, "one of {object, set, array}", a[0]);
            }
            if (a[1] is not (RegoObject or RegoArray or RegoSet))
            {
                throw Args.TypeError("object.subset", 1, "one of {object, set, array}", a[1]);
            }
            return RegoBoolean.Of(IsSubset(a[0], a[1]));
        });
    }

    private static HashSet<RegoValue> KeySet(RegoValue[] a, int i, string fn) => a[i] switch
    {
        RegoArray arr => [.. arr.Items],
        RegoSet s => [.. s.Items],
        RegoObject o => [.. o.Keys],
        _ => throw Args.TypeError(fn, i, "one of {object, set, array}", a[i]),
    };

    private static RegoValue Get(RegoValue[] a)
    {
        var obj = Args.Object(a, 0, "object.get");
        if (a[1] is RegoArray path)
        {
            RegoValue current = obj;
            foreach (var key in path.Items)
            {
                RegoValue? next = current switch
                {
                    RegoObject o => o.TryGetValue(key, out var v) ? v : null,
                    RegoArray arr => key is RegoNumber n && n.TryGetInt32(out var i) && i >= 0 && i < arr.Count ? arr[i] : null,
                    RegoSet s => s.Contains(key) ? key : null,
                    _ => null,
                };
                if (next is null)
                {
                    return a[2];
                }
                current = next;
            }
            return current;
        }
        return obj.TryGetValue(a[1], out var value) ? value : a[2];
    }

    /// <summary>Merges recursively; on a clash of non-objects the right side wins.</summary>
    internal static RegoObject Union(RegoObject left, RegoObject right)
    {
        var map = new Dictionary<RegoValue, RegoValue>(left.Map);
        foreach (var (k, v) in right.Map)
        {
            map[k] = map.TryGetValue(k, out var existing) && existing is RegoObject eo && v is RegoObject vo ? Union(eo, vo) : v;
        }
        return new RegoObject(map);
    }

    private static bool IsSubset(RegoValue super, RegoValue sub)
    {
        switch (super, sub)
        {
            case (RegoObject so, RegoObject bo):
                return bo.Map.All(e => so.TryGetValue(e.Key, out var v) && (v is RegoObject && e.Value is RegoObject ? IsSubset(v, e.Value) : v.Equals(e.Value)));
            case (RegoSet ss, RegoSet bs):
                return bs.Items.All(ss.Contains);
            case (RegoArray sa, RegoSet bs):
                return bs.Items.All(sa.Items.Contains);
            case (RegoArray sa, RegoArray ba):
                {
                    // Contiguous run of the super array.
                    if (ba.Count == 0)
                    {
                        return true;
                    }
                    for (var i = 0; i + ba.Count <= sa.Count; i++)
                    {
                        if (Enumerable.Range(0, ba.Count).All(j => sa[i + j].Equals(ba[j])))
                        {
                            return true;
                        }
                    }
                    return false;
                }
            default:
                return false;
        }
    }
}
